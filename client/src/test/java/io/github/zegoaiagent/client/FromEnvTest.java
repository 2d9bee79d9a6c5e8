package io.github.zegoaiagent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.readme.ReadmeEnvExample;
import io.github.zegoaiagent.client.generated.Region;
import io.github.zegoaiagent.mock.MockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code fromEnv()} reads ZEGO_APP_ID, ZEGO_SERVER_SECRET and ZEGO_ENDPOINT or ZEGO_REGION; every
 * refusal names the variable and never prints the secret.
 */
class FromEnvTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private static String build(Map<String, String> env) {
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder().fromEnv(env::get).build()) {
      return client.toString();
    }
  }

  private static IllegalStateException refusal(Map<String, String> env) {
    IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> build(env));
    assertThat(e).as("refused: %s", env.keySet()).isNotNull();
    assertThat(e.getMessage()).doesNotContain(SECRET);
    return e;
  }

  @Test
  void readsTheDocumentedVariables() {
    assertThat(build(Map.of("ZEGO_APP_ID", "1234567890", "ZEGO_SERVER_SECRET", SECRET,
        "ZEGO_ENDPOINT", "http://127.0.0.1:8080"))).contains("appId=1234567890", "endpoint=http://127.0.0.1:8080")
        .doesNotContain(SECRET);
    assertThat(build(Map.of("ZEGO_APP_ID", " 1234567890 ", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "hong-kong")))
        .contains("endpoint=" + Region.HONG_KONG.baseUri());
    assertThat(build(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "SINGAPORE",
        "ZEGO_ENDPOINT", ""))).as("an empty variable counts as unset").contains("endpoint=" + Region.SINGAPORE.baseUri());
  }

  @Test
  void eachRefusalNamesTheVariable() {
    assertThat(refusal(Map.of("ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "SINGAPORE")))
        .hasMessageStartingWith("ZEGO_APP_ID is not set: fromEnv() needs ZEGO_APP_ID, ZEGO_SERVER_SECRET, and ZEGO_ENDPOINT or ZEGO_REGION");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", " ", "ZEGO_REGION", "SINGAPORE")))
        .hasMessageStartingWith("ZEGO_SERVER_SECRET is not set");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET)))
        .hasMessageStartingWith("ZEGO_ENDPOINT (or ZEGO_REGION) is not set");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "12ab", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "SINGAPORE")))
        .hasMessage("ZEGO_APP_ID must be the AppId, an integer in [1, 4294967295], was \"12ab\"");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "mars")))
        .hasMessageStartingWith("ZEGO_REGION \"mars\" is not a region; use one of UNIFIED, SHANGHAI");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_ENDPOINT", "localhost:8080")))
        .hasMessageStartingWith("ZEGO_ENDPOINT must be an http or https URL");
    assertThat(refusal(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET, "ZEGO_REGION", "SINGAPORE",
        "ZEGO_ENDPOINT", "http://127.0.0.1:1"))).hasMessage("ZEGO_ENDPOINT and ZEGO_REGION are both set: set one of them");
  }

  @Test
  void theReadmeExampleRunsInAProcessStartedWithTheVariables() throws IOException, InterruptedException {
    try (MockServer mock = MockServer.start(io.github.zegoaiagent.mock.MockServerConfig.builder().qpsLimit(0).build());
        ZegoAiAgentClient setup = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
            .endpoint(mock.baseUrl()).build()) {
      for (int i = 0; i < 12; i++) {
        setup.agents().registerAgent(io.github.zegoaiagent.client.e2e.E2eAgents.agent("env_agent_" + i));
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ReadmeEnvExample.class.getName()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("ZEGO_"));
      env.putAll(new HashMap<>(Map.of("ZEGO_APP_ID", Long.toString(mock.appId()),
          "ZEGO_SERVER_SECRET", mock.serverSecret(), "ZEGO_ENDPOINT", mock.baseUrl().toString())));
      Process p = pb.start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out.lines().filter(l -> l.startsWith("agent env_agent_"))).hasSize(12);
      assertThat(out.lines().filter(l -> l.startsWith("async agent env_agent_"))).hasSize(12);
      assertThat(out).contains(", application/json", ", 12 agents").doesNotContain(mock.serverSecret());
      assertThat(mock.journal().stream().filter(e -> "ListAgents".equals(e.getAction())).map(e -> e.getCode()))
          .as("two pages sync, one raw, two pages async").hasSize(5).containsOnly(0);
    }
  }
}
