package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One pass through all 19 actions with Code 0 each, usable against any running mock (in-JVM or
 * the standalone jar). Does not depend on the clock moving.
 */
final class AllActions {
  private AllActions() {
  }

  /** @return the actions that answered Code 0 */
  static Set<String> run(RawApi api) {
    Set<String> ok = new LinkedHashSet<>();
    ok(api, ok, "RegisterAgent", Bodies.agent("e2e"));
    ok(api, ok, "UpdateAgent", "{\"AgentId\":\"e2e\",\"Name\":\"End to end\"}");
    assertThat(ok(api, ok, "ListAgents", "{\"Limit\":10}").path("Total").asInt()).isEqualTo(1);
    assertThat(ok(api, ok, "QueryAgents", "{\"AgentIds\":[\"e2e\"]}").path("Agents").get(0).path("Name").asText())
        .isEqualTo("End to end");
    String voice = ok(api, ok, "CreateAgentInstance", Bodies.instance("e2e", "v",
        ",\"AdvancedConfig\":{\"CommunicationMode\":2}")).path("AgentInstanceId").asText();
    String dh = ok(api, ok, "CreateDigitalHumanAgentInstance", Bodies.instance("e2e", "d",
        ",\"DigitalHuman\":{\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\"}")).path("AgentInstanceId").asText();
    String live = ok(api, ok, "CreateLiveDigitalHumanAgentInstance", "{\"AgentId\":\"e2e\",\"CDN\":{\"Url\":\"rtmp://x/y\"},"
        + "\"DigitalHuman\":{\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\"}}").path("AgentInstanceId").asText();
    ok(api, ok, "UpdateAgentInstance", "{\"AgentInstanceId\":\"" + voice + "\",\"RTC\":{\"UserStreamId\":\"us_v2\"}}");
    ok(api, ok, "AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + voice + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"Hi\"}]}");
    assertThat(ok(api, ok, "GetAgentInstanceMsgList", Bodies.id(voice)).path("Total").asInt()).isEqualTo(1);
    ok(api, ok, "ResetAgentInstanceMsgList", Bodies.id(voice));
    long r1 = ok(api, ok, "SendAgentInstanceTTS", Bodies.tts(voice, "Welcome!", "")).path("Round").asLong();
    long r2 = ok(api, ok, "SendAgentInstanceLLM", Bodies.llm(voice, "How are you?", "")).path("Round").asLong();
    assertThat(r2).isGreaterThan(r1);
    assertThat(ok(api, ok, "QueryAgentInstanceStatus", Bodies.id(voice)).path("Status").asText())
        .isIn("IDLE", "THINKING", "SPEAKING");
    ok(api, ok, "InterruptAgentInstance", Bodies.id(voice));
    long r3 = ok(api, ok, "StartListening", "{\"AgentInstanceId\":\"" + voice + "\",\"Sequence\":1}").path("Round").asLong();
    assertThat(r3).isGreaterThan(r2);
    ok(api, ok, "StopListening", "{\"AgentInstanceId\":\"" + voice + "\",\"Sequence\":2}");
    ok(api, ok, "SendAgentInstanceTTS", Bodies.tts(live, "Live!", ""));
    ok(api, ok, "DeleteAgentInstance", Bodies.id(voice));
    ok(api, ok, "DeleteAgentInstance", Bodies.id(dh));
    ok(api, ok, "DeleteAgentInstance", Bodies.id(live));
    ok(api, ok, "UnregisterAgent", "{\"AgentId\":\"e2e\"}");
    return ok;
  }

  private static com.fasterxml.jackson.databind.JsonNode ok(RawApi api, Set<String> ok, String action, String body) {
    com.fasterxml.jackson.databind.JsonNode d = api.ok(action, body);
    ok.add(action);
    return d;
  }
}
