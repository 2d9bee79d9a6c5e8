package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.generated.ActionHandler;
import io.github.zegoaiagent.mock.junit.MockServerExtension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input of every kind gets HTTP 200, an envelope and a non-zero Code: never a 5xx or a hang. */
class RobustnessTest {
  static MockServer server;
  static RawApi api;

  // One server per class, reset before each test: the module's own JUnit extension.
  @RegisterExtension
  static final MockServerExtension MOCK = MockServerExtension.with(() -> TestServers.config().build());

  @BeforeAll
  static void bind() {
    server = MOCK.server();
    api = new RawApi(server);
  }

  @Test
  void odditiesInTheQuery() {
    for (String q : List.of("/?", "/?Action", "/?Action=%25", "/?Action=%00&AppId=%FF", "/?&&&=&=",
        "/?Action=ListAgents&Action=Nope", "/?" + "a=b&".repeat(5000))) {
      JsonNode r = api.send("POST", q, "{}");
      assertThat(r.path("Code").asInt()).as(q).isNotZero();
    }
  }

  @Test
  void garbageBodiesForEveryAction() {
    Random rnd = new Random(42);
    List<String> bodies = List.of("null", "true", "1", "\"s\"", "[]", "{\"AgentInstanceId\":null}",
        "{\"AgentInstanceId\":{}}", "{\"Text\":[1,2]}", "[".repeat(5000), "{\"a\":" + "[".repeat(2000),
        "\u0000\u0001", "{\"AgentId\":\"\\ud800\"}");
    for (String action : ActionHandler.table().keySet()) {
      for (String b : bodies) {
        JsonNode r = api.call(action, b);
        if (!b.startsWith("{") || !action.equals("ListAgents")) { // ListAgents has no required field
          assertThat(r.path("Code").asInt()).as(action + " " + b).isNotZero();
        }
        assertThat(r.path("Message").asText()).doesNotContain("Exception:");
      }
      byte[] noise = new byte[256];
      rnd.nextBytes(noise);
      assertThat(api.call(action, new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1))
          .path("Code").asInt()).isNotZero();
    }
  }

  @Test
  void malformedEscapesAreKeptAsSent() {
    assertThat(io.github.zegoaiagent.mock.http.QueryString.parse("Action=%zz&AppId=%&x"))
        .containsEntry("Action", "%zz").containsEntry("AppId", "%").containsEntry("x", "");
  }

  @Test
  void noCallEverAnsweredSystemError() {
    garbageBodiesForEveryAction();
    assertThat(server.journal()).noneMatch(e -> e.code() == 410000001);
  }
}
