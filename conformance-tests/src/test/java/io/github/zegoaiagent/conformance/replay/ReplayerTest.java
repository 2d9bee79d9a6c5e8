package io.github.zegoaiagent.conformance.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.conformance.raw.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay rule's comparison and id substitution, on hand-made recordings and answers. */
class ReplayerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEADER = "{\"format\":\"zego-aiagent-recording\",\"version\":1,\"contract\":\"2.13.5\","
      + "\"startedAt\":\"2026-01-01T00:00:00Z\"}";

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shapesCompareFieldsAndTypesNotValues() {
    JsonNode recorded = json("{\"Code\":0,\"RequestId\":\"1\",\"Data\":{\"Status\":\"IDLE\",\"Round\":3,\"Agents\":[{\"A\":1}],"
        + "\"LLM\":{\"ApiKey\":\"***\"},\"Gone\":null}}");
    assertThat(Shapes.differences(recorded, json("{\"Code\":0,\"RequestId\":\"2\",\"Data\":{\"Status\":\"SPEAKING\","
        + "\"Round\":7,\"Agents\":[],\"LLM\":{\"ApiKey\":{\"nested\":true}}}}"))).isEmpty();
    assertThat(Shapes.differences(recorded, json("{\"Code\":0,\"RequestId\":\"2\",\"Data\":{\"Round\":\"7\","
        + "\"Agents\":[{\"A\":1,\"B\":2}],\"Extra\":1}}")))
        .containsExactly("Data.Agents[].B: the target adds it (number)", "Data.Extra: the target adds it (number)",
            "Data.LLM: the target lacks it", "Data.Round: string where the recording has number",
            "Data.Status: the target lacks it");
  }

  @Test
  void idsTheTargetIssuesReplaceTheRecordedOnes() {
    Recording r = Recording.parse("test", List.of(HEADER,
        line(1, "CreateAgentInstance", "{\"AgentId\":\"a\"}", "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"1\",\"Data\":{\"AgentInstanceId\":\"111\"}}"),
        line(2, "QueryAgentInstanceStatus", "{\"AgentInstanceId\":\"111\"}", "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"2\",\"Data\":{\"Status\":\"IDLE\"}}"),
        "{\"type\":\"callback\",\"sequence\":3,\"at\":\"t\",\"event\":\"X\",\"method\":\"POST\",\"path\":\"/callback\",\"body\":{},\"status\":200,\"millis\":1,\"drift\":[]}"));
    List<String> sent = new ArrayList<>();
    List<Replayer.Step> steps = new Replayer((action, body) -> {
      sent.add(action + " " + body);
      return action.startsWith("Create")
          ? new Answer(200, json("{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"9\",\"Data\":{\"AgentInstanceId\":\"999\"}}"), "")
          : new Answer(200, json("{\"Code\":410001002,\"Message\":\"gone\",\"RequestId\":\"10\"}"), "");
    }).replay(r);
    assertThat(sent).containsExactly("CreateAgentInstance {\"AgentId\":\"a\"}",
        "QueryAgentInstanceStatus {\"AgentInstanceId\":\"999\"}");
    assertThat(steps.get(0).differences()).isEmpty();
    assertThat(steps.get(1).differences()).containsExactly("Code 410001002 where the recording has 0 (gone)",
        "Data: the target lacks it", "Data.Status: the target lacks it");
  }

  @Test
  void onlyThisFormatAndVersionAreRead() {
    assertThatThrownBy(() -> Recording.parse("old.jsonl", List.of(HEADER.replace("\"version\":1", "\"version\":2"))))
        .hasMessageContaining("old.jsonl is version 2").hasMessageContaining("reads version 1");
    assertThatThrownBy(() -> Recording.parse("x.jsonl", List.of("{\"format\":\"har\",\"version\":1}")))
        .hasMessageContaining("not a recording of the validating proxy");
    assertThatThrownBy(() -> Recording.parse("y.jsonl", List.of(HEADER, "{oops")))
        .hasMessageContaining("y.jsonl:2 is not a recorded exchange");
  }

  static String line(int seq, String action, String body, String answer) {
    return "{\"type\":\"exchange\",\"sequence\":" + seq + ",\"at\":\"t\",\"action\":\"" + action + "\",\"method\":\"POST\","
        + "\"path\":\"/\",\"body\":" + body + ",\"status\":200,\"answer\":" + answer + ",\"millis\":1.5,\"drift\":[]}";
  }
}
