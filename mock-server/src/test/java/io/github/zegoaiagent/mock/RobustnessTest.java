package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.internal.error.Codes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind gets HTTP 200, an envelope and the documented Code (README "Gateway
 * answers"): never a 5xx, a hang, or the 410000001 a crash would answer.
 */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class RobustnessTest {
  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  /** A crash answers 410000001 with this text; no documented answer contains it. */
  static final String CRASH = "system error in the mock";

  static void assertAnswer(JsonNode r, int code, String what) {
    assertThat(r.path("Message").asText()).as(what).doesNotContain(CRASH);
    assertThat(r.path("Code").asInt()).as(what + ": " + r.path("Message").asText()).isEqualTo(code);
  }

  @Test
  void odditiesInTheQuery() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("/?", Codes.ACTION_EMPTY);
    expected.put("/?Action", Codes.ACTION_EMPTY);
    expected.put("/?Action=%25", Codes.ACTION_UNSUPPORTED);
    expected.put("/?Action=%00&AppId=%FF", Codes.ACTION_UNSUPPORTED);
    expected.put("/?&&&=&=", Codes.ACTION_EMPTY);
    expected.put("/?Action=ListAgents&Action=Nope", Codes.APP_ID_INVALID); // first value counts, then AppId
    expected.put("/?Action=ListAgents&AppId=%FF", Codes.APP_ID_INVALID);
    expected.put("/?" + "a=b&".repeat(5000), Codes.ACTION_EMPTY);
    expected.forEach((q, code) -> assertAnswer(api.send("POST", q, "{}"), code, q.length() > 60 ? q.substring(0, 60) : q));
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
        assertAnswer(r, expectedFor(action, b), action + " " + (b.length() > 40 ? b.substring(0, 40) : b));
        assertThat(r.path("Message").asText()).doesNotContain("Exception:");
      }
      byte[] noise = new byte[256];
      rnd.nextBytes(noise);
      noise[0] = 'x'; // never a valid JSON start
      assertAnswer(api.call(action, new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1)),
          Codes.JSON_PARSE_FAILED, action + " noise");
    }
  }

  /**
   * The documented code for a garbage body: not JSON → 410000004; JSON but not an object, or an
   * object the schema refuses → 410000003; ListAgents (no required field) accepts any object
   * whose known fields are absent or null, and ignores unknown ones.
   */
  static int expectedFor(String action, String body) {
    boolean json;
    JsonNode tree = null;
    try {
      tree = RawApi.JSON.readTree(body);
      json = tree != null;
    } catch (Exception e) {
      json = false;
    }
    if (!json) {
      return Codes.JSON_PARSE_FAILED;
    }
    if (!tree.isObject()) {
      return Codes.INVALID_PARAMETER;
    }
    return action.equals("ListAgents") ? Codes.SUCCESS : Codes.INVALID_PARAMETER;
  }

  @Test
  void malformedEscapesAreKeptAsSent() {
    assertThat(io.github.zegoaiagent.mock.internal.http.QueryString.parse("Action=%zz&AppId=%&x"))
        .containsEntry("Action", "%zz").containsEntry("AppId", "%").containsEntry("x", "");
  }

  @Test
  void noCallEverAnsweredSystemError() {
    garbageBodiesForEveryAction();
    assertThat(server.journal()).noneMatch(e -> e.getCode() == 410000001);
  }
}
