package io.github.zegoaiagent.mock.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentencesAndPolicyTest {
  @Test
  void sentencesEndAtTerminatorsNotInsideNumbers() {
    assertThat(Sentences.split("It costs 3.14 dollars. Really? Yes! ok")).containsExactly(
        "It costs 3.14 dollars.", "Really?", "Yes!", "ok");
    assertThat(Sentences.split("你好。今天天气很好！明天呢？")).containsExactly("你好。", "今天天气很好！", "明天呢？");
    assertThat(Sentences.split("He said \"stop.\" Then left.\nNext line")).containsExactly(
        "He said \"stop.\"", "Then left.", "Next line");
    assertThat(Sentences.split("  ")).isEmpty();
    assertThat(Sentences.split(null)).isEmpty();
  }

  @Test
  void theAllowListComparesHostsAndKnowsLoopback() {
    ForwardPolicy loop = new ForwardPolicy(true, Set.of(ForwardPolicy.LOOPBACK), Duration.ofSeconds(1), 10, 10);
    assertThat(loop.allows(URI.create("http://127.0.0.1:8/x"))).isTrue();
    assertThat(loop.allows(URI.create("http://127.10.0.3/x"))).isTrue();
    assertThat(loop.allows(URI.create("http://[::1]:9/x"))).isTrue();
    assertThat(loop.allows(URI.create("http://LOCALHOST/x"))).isTrue();
    assertThat(loop.allows(URI.create("https://api.openai.com/v1/chat/completions"))).isFalse();
    assertThat(loop.allows(URI.create("http://127.0.0.1.example.com/x"))).isFalse();
    assertThat(loop.allows(URI.create("http://128.0.0.1/x"))).isFalse();
    ForwardPolicy named = new ForwardPolicy(true, Set.of("LLM.internal"), Duration.ofSeconds(1), 10, 10);
    assertThat(named.allows(URI.create("http://llm.internal:8080/v1"))).isTrue();
    assertThat(named.allows(URI.create("http://127.0.0.1/x"))).isFalse();
    assertThat(new ForwardPolicy(true, Set.of(ForwardPolicy.ANY), Duration.ofSeconds(1), 10, 10)
        .allows(URI.create("https://anything.example/x"))).isTrue();
  }

  @Test
  void anOffForwarderHasNoHttpClientAndRefusesToSend() {
    LlmForwarder off = new LlmForwarder(ForwardPolicy.off(), LlmContract.load(), io.github.zegoaiagent.mock.internal.memory.MemoryBudget.unlimited());
    assertThat(off.enabled()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> off.forward(new LlmRequest(
        URI.create("http://127.0.0.1:1/x"), null,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()), o -> { }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(off.sent()).isZero();
    off.close();
  }

  @Test
  void theEndpointShownHidesQueryAndUserInfo() {
    LlmRequest r = new LlmRequest(URI.create("https://user:pw@llm.example:8443/v1/chat?key=secret"), "sk",
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    assertThat(r.endpoint()).isEqualTo("https://llm.example:8443/v1/chat");
    assertThat(r.toString()).doesNotContain("secret").doesNotContain("sk").doesNotContain("pw");
  }
}
