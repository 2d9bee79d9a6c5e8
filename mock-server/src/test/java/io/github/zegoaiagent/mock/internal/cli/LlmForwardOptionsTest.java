package io.github.zegoaiagent.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.LlmForwardSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The LLM-forwarding flags and environment twins reach MockServerConfig; off by default. */
class LlmForwardOptionsTest {
  static LlmForwardSettings parse(String[] args, Map<String, String> env) {
    return CliOptions.parse(args, env).toConfig().build().llmForward();
  }

  @Test
  void offUnlessAsked() {
    LlmForwardSettings s = parse(new String[0], Map.of());
    assertThat(s.enabled()).isFalse();
    assertThat(s.allowHosts()).containsExactly(LlmForwardSettings.LOOPBACK);
  }

  @Test
  void flagsAndTheirTwins() {
    LlmForwardSettings f = parse(new String[] {"--llm-forward", "--llm-allow-hosts", "llm.internal, 10.0.0.5",
        "--llm-timeout=7"}, Map.of());
    assertThat(f.enabled()).isTrue();
    assertThat(f.allowHosts()).isEqualTo(Set.of("llm.internal", "10.0.0.5"));
    assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(7));
    LlmForwardSettings e = parse(new String[0], Map.of("ZEGO_MOCK_LLM_FORWARD", "true",
        "ZEGO_MOCK_LLM_ALLOW_HOSTS", "*", "ZEGO_MOCK_LLM_TIMEOUT", "3"));
    assertThat(e.enabled()).isTrue();
    assertThat(e.allowHosts()).containsExactly(LlmForwardSettings.ANY);
    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(parse(new String[] {"--llm-allow-hosts=localhost"}, Map.of("ZEGO_MOCK_LLM_ALLOW_HOSTS", "*"))
        .allowHosts()).containsExactly("localhost");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> parse(new String[] {"--llm-timeout", "0"}, Map.of()))
        .hasMessageContaining("--llm-timeout");
    assertThatThrownBy(() -> parse(new String[] {"--llm-allow-hosts", ","}, Map.of()))
        .hasMessageContaining("at least one host");
    assertThatThrownBy(() -> parse(new String[0], Map.of("ZEGO_MOCK_LLM_FORWARD", "yes")))
        .hasMessageContaining("ZEGO_MOCK_LLM_FORWARD");
    assertThat(CliOptions.USAGE).contains("--llm-forward", "ZEGO_MOCK_LLM_ALLOW_HOSTS");
  }
}
