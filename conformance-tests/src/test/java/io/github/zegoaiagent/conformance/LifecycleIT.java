package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One successful call of each of the 19 actions, in a realistic order, built from the contract's
 * examples with run-unique IDs. Every answer has Code 0 and validates against the response schema
 * (RawApi checks every answer). Steps whose prerequisite failed are skipped, not failed again.
 */
@ExtendWith(ReportExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

  private static final String RUN = Suite.unique();
  private static final String AGENT = "conformance_" + RUN;
  private static String instance;
  private static String digitalHuman;
  private static String liveDigitalHuman;
  private static boolean agentRegistered;

  /** Runs one step; every step is one cell of the "responses" column. */
  private static Answer step(String action, JsonNode body) {
    Report.cover(action, "responses");
    assumeTrue(Suite.mayChange(action), Suite.billableReason(action));
    Answer a = RAW.post(action, body);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.code()).as("%s: %s", action, a).isZero();
    return a;
  }

  private static ObjectNode example(String action) {
    return SPEC.requestExample(action);
  }

  private static ObjectNode rtc(String suffix) {
    return Suite.object().put("RoomId", "conf_room_" + RUN).put("AgentStreamId", "conf_as_" + suffix + RUN)
        .put("AgentUserId", "conf_au_" + suffix + RUN).put("UserStreamId", "conf_us_" + RUN);
  }

  @Test
  @Order(1)
  void registerAgent() {
    step("RegisterAgent", example("RegisterAgent").put("AgentId", AGENT));
    agentRegistered = true;
  }

  @Test
  @Order(2)
  void updateAgent() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    step("UpdateAgent", example("UpdateAgent").put("AgentId", AGENT));
  }

  @Test
  @Order(3)
  void listAgents() {
    Answer a = step("ListAgents", example("ListAgents").put("Limit", 10));
    assertThat(a.data().path("Total").asInt()).isGreaterThanOrEqualTo(agentRegistered ? 1 : 0);
  }

  @Test
  @Order(4)
  void queryAgents() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    Answer a = step("QueryAgents", Suite.object().set("AgentIds", Suite.array().add(AGENT)));
    assertThat(a.data().path("Agents").get(0).path("AgentId").asText()).isEqualTo(AGENT);
  }

  @Test
  @Order(5)
  void createAgentInstance() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    ObjectNode body = SPEC.requestExample("CreateAgentInstance", "walkieTalkie").put("AgentId", AGENT).put("UserId", "conf_user_" + RUN);
    body.set("RTC", rtc("v"));
    instance = step("CreateAgentInstance", body).data().path("AgentInstanceId").asText(null);
    assertThat(instance).isNotBlank();
  }

  private static ObjectNode onInstance(String action) {
    assumeTrue(instance != null, "CreateAgentInstance did not succeed");
    return example(action).put("AgentInstanceId", instance);
  }

  @Test
  @Order(6)
  void queryAgentInstanceStatus() {
    Answer a = step("QueryAgentInstanceStatus", onInstance("QueryAgentInstanceStatus"));
    assertThat(a.data().path("Status").asText()).isIn("IDLE", "LISTENING", "THINKING", "SPEAKING");
  }

  @Test
  @Order(7)
  void sendAgentInstanceTTS() {
    assertThat(step("SendAgentInstanceTTS", onInstance("SendAgentInstanceTTS")).data().has("Round")).isTrue();
  }

  @Test
  @Order(8)
  void sendAgentInstanceLLM() {
    assertThat(step("SendAgentInstanceLLM", onInstance("SendAgentInstanceLLM")).data().has("Round")).isTrue();
  }

  @Test
  @Order(9)
  void interruptAgentInstance() {
    step("InterruptAgentInstance", onInstance("InterruptAgentInstance"));
  }

  @Test
  @Order(10)
  void addAgentInstanceMsg() {
    step("AddAgentInstanceMsg", onInstance("AddAgentInstanceMsg"));
  }

  @Test
  @Order(11)
  void getAgentInstanceMsgList() {
    Answer a = step("GetAgentInstanceMsgList", onInstance("GetAgentInstanceMsgList"));
    assertThat(a.data().path("Total").asInt()).isEqualTo(a.data().path("MessageList").size());
  }

  @Test
  @Order(12)
  void resetAgentInstanceMsgList() {
    step("ResetAgentInstanceMsgList", onInstance("ResetAgentInstanceMsgList"));
  }

  @Test
  @Order(13)
  void startListening() {
    Report.cover("StartListening", "responses");
    assumeTrue(TARGET.isMock(), "StartListening needs a user publishing in the room; only a mock can pretend that");
    step("StartListening", onInstance("StartListening").put("UserId", "conf_user_" + RUN).put("Sequence", 1));
  }

  @Test
  @Order(14)
  void stopListening() {
    Report.cover("StopListening", "responses");
    assumeTrue(TARGET.isMock(), "StopListening needs a user publishing in the room; only a mock can pretend that");
    step("StopListening", onInstance("StopListening").put("UserId", "conf_user_" + RUN).put("Sequence", 2));
  }

  @Test
  @Order(15)
  void updateAgentInstance() {
    step("UpdateAgentInstance", onInstance("UpdateAgentInstance"));
  }

  @Test
  @Order(16)
  void createDigitalHumanAgentInstance() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    ObjectNode body = example("CreateDigitalHumanAgentInstance").put("AgentId", AGENT).put("UserId", "conf_dh_" + RUN);
    body.set("RTC", rtc("d"));
    Answer a = step("CreateDigitalHumanAgentInstance", body);
    digitalHuman = a.data().path("AgentInstanceId").asText(null);
    assertThat(a.data().path("DigitalHumanConfig").asText()).isNotEmpty();
  }

  @Test
  @Order(17)
  void createLiveDigitalHumanAgentInstance() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    ObjectNode body = example("CreateLiveDigitalHumanAgentInstance").put("AgentId", AGENT);
    ObjectNode rtc = rtc("l");
    rtc.remove("UserStreamId");
    body.set("RTC", rtc);
    liveDigitalHuman = step("CreateLiveDigitalHumanAgentInstance", body).data().path("AgentInstanceId").asText(null);
  }

  @Test
  @Order(18)
  void deleteAgentInstance() {
    Report.cover("DeleteAgentInstance", "responses");
    assumeTrue(instance != null, "CreateAgentInstance did not succeed");
    for (String id : new String[] {instance, digitalHuman, liveDigitalHuman}) {
      if (id != null) {
        step("DeleteAgentInstance", example("DeleteAgentInstance").put("AgentInstanceId", id));
      }
    }
    instance = digitalHuman = liveDigitalHuman = null;
  }

  @Test
  @Order(19)
  void unregisterAgent() {
    assumeTrue(agentRegistered, "RegisterAgent did not succeed");
    step("UnregisterAgent", Suite.object().put("AgentId", AGENT));
    agentRegistered = false;
  }

  /** Leaves nothing behind on a live target even when a step failed. */
  @AfterAll
  static void cleanUp() {
    for (String id : new String[] {instance, digitalHuman, liveDigitalHuman}) {
      if (id != null) {
        RAW.post("DeleteAgentInstance", Suite.object().put("AgentInstanceId", id));
      }
    }
    if (agentRegistered) {
      RAW.post("UnregisterAgent", Suite.object().put("AgentId", AGENT));
    }
  }
}
