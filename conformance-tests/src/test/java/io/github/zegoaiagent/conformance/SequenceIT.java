package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walkie-talkie rules (reference §6.6): only the latest Sequence of a user counts and an outdated
 * one changes nothing (410001043); Start and Stop alternate; proactive LLM/TTS are refused while
 * listening (410001013); Start/Stop on a full-duplex instance are refused (410001042). They need a
 * user publishing in the room, which only a mock can pretend, so they run against mocks only.
 */
@ExtendWith(ReportExtension.class)
class SequenceIT {

  private String agent;
  private String instance;
  private final String user = "seq_user_" + Suite.unique();

  @BeforeEach
  void create() {
    assumeTrue(TARGET.isMock(), "Sequence rules need a user publishing in the room; run against a mock");
    agent = "seq_agent_" + Suite.unique();
    assertThat(RAW.post("RegisterAgent", SPEC.requestExample("RegisterAgent").put("AgentId", agent)).code()).isZero();
    instance = create(2);
  }

  private String create(int communicationMode) {
    ObjectNode body = SPEC.requestExample("CreateAgentInstance", "walkieTalkie").put("AgentId", agent).put("UserId", user);
    String unique = Suite.unique();
    ((ObjectNode) body.get("RTC")).put("AgentStreamId", "seq_as_" + unique).put("AgentUserId", "seq_au_" + unique);
    ((ObjectNode) body.get("AdvancedConfig")).put("CommunicationMode", communicationMode);
    Answer a = RAW.post("CreateAgentInstance", body);
    assertThat(a.code()).as("%s", a).isZero();
    return a.data().path("AgentInstanceId").asText();
  }

  @AfterEach
  void delete() {
    if (instance != null) {
      RAW.post("DeleteAgentInstance", Suite.object().put("AgentInstanceId", instance));
    }
    if (agent != null) {
      RAW.post("UnregisterAgent", Suite.object().put("AgentId", agent));
    }
  }

  private Answer turn(String action, long sequence) {
    return RAW.post(action, Suite.object().put("AgentInstanceId", instance).put("UserId", user).put("Sequence", sequence));
  }

  private String status() {
    return RAW.post("QueryAgentInstanceStatus", Suite.object().put("AgentInstanceId", instance)).data()
        .path("Status").asText();
  }

  @Test
  void startAndStopAlternateWithIncreasingSequences() {
    Report.cover("StartListening", "sequence");
    Report.cover("StopListening", "sequence");
    long lastRound = -1;
    for (long seq = 1; seq <= 4; seq += 2) {
      Answer start = turn("StartListening", seq);
      assertThat(start.code()).as("Start %d: %s", seq, start).isZero();
      assertThat(status()).isEqualTo("LISTENING");
      Answer stop = turn("StopListening", seq + 1);
      assertThat(stop.code()).as("Stop %d: %s", seq + 1, stop).isZero();
      assertThat(status()).isNotEqualTo("LISTENING");
      assertThat(stop.data().path("Round").asLong()).isGreaterThan(lastRound);
      lastRound = stop.data().path("Round").asLong();
    }
  }

  @Test
  void anOutdatedSequenceIsRefusedAndChangesNothing() {
    Report.cover("StartListening", "sequence");
    Report.cover("StopListening", "sequence");
    assertThat(turn("StartListening", 10).code()).isZero();
    Answer stale = turn("StopListening", 9);
    assertThat(stale.code()).as("%s", stale).isEqualTo(410001043);
    assertThat(status()).as("still listening after the ignored Stop").isEqualTo("LISTENING");
    Answer staleStart = turn("StartListening", 10);
    assertThat(staleStart.code()).as("a repeated Sequence is not newer").isEqualTo(410001043);
    assertThat(turn("StopListening", 11).code()).isZero();
  }

  @Test
  void proactiveLlmAndTtsAreRefusedWhileListening() {
    Report.cover("SendAgentInstanceLLM", "sequence");
    Report.cover("SendAgentInstanceTTS", "sequence");
    assertThat(turn("StartListening", 1).code()).isZero();
    Answer llm = RAW.post("SendAgentInstanceLLM", SPEC.requestExample("SendAgentInstanceLLM").put("AgentInstanceId", instance));
    Answer tts = RAW.post("SendAgentInstanceTTS", SPEC.requestExample("SendAgentInstanceTTS").put("AgentInstanceId", instance));
    assertThat(llm.code()).as("%s", llm).isEqualTo(410001013);
    assertThat(tts.code()).as("%s", tts).isEqualTo(410001013);
    assertThat(turn("StopListening", 2).code()).isZero();
    assertThat(RAW.post("SendAgentInstanceTTS", SPEC.requestExample("SendAgentInstanceTTS").put("AgentInstanceId", instance)).code())
        .as("allowed again after the turn").isZero();
  }

  @Test
  void startAndStopAreRefusedOnAFullDuplexInstance() {
    Report.cover("StartListening", "sequence");
    Report.cover("StopListening", "sequence");
    String duplex = create(0);
    try {
      String saved = instance;
      instance = duplex;
      assertThat(turn("StartListening", 1).code()).isEqualTo(410001042);
      assertThat(turn("StopListening", 2).code()).isEqualTo(410001042);
      instance = saved;
    } finally {
      RAW.post("DeleteAgentInstance", Suite.object().put("AgentInstanceId", duplex));
    }
  }
}
