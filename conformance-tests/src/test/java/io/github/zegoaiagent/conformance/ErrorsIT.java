package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.raw.Tamper;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Business refusals every target must give: malformed JSON, unknown instance, unknown or duplicate agent. */
@ExtendWith(ReportExtension.class)
class ErrorsIT {

  static Stream<String> actions() {
    return SPEC.actions().stream();
  }

  static Stream<String> instanceActions() {
    return SPEC.actions().stream().filter(a -> SPEC.requestSchema(a).path("properties").has("AgentInstanceId"));
  }

  static Stream<String> agentActions() {
    return Stream.of("UnregisterAgent", "UpdateAgent", "CreateAgentInstance", "CreateDigitalHumanAgentInstance",
        "CreateLiveDigitalHumanAgentInstance");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void aBodyThatIsNotJsonIsRefusedWith410000004(String action) {
    Report.cover(action, "errors");
    Answer a = RAW.send(action, "{\"AgentId\": \"unterminated", Tamper.none());
    assertThat(a.code()).as("%s: %s", action, a).isEqualTo(410000004);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instanceActions")
  void anUnknownInstanceIsNotFound(String action) {
    Report.cover(action, "errors");
    ObjectNode body = SPEC.requestExample(action).put("AgentInstanceId", Suite.UNKNOWN_INSTANCE);
    Answer a = RAW.post(action, body);
    assertThat(a.code()).as("%s: %s", action, a).isEqualTo(410001002);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agentActions")
  void anUnknownAgentIsNotFound(String action) {
    Report.cover(action, "errors");
    ObjectNode body = SPEC.requestExample(action).put("AgentId", "conformance_unknown_" + Suite.unique());
    Answer a = RAW.post(action, body);
    assertThat(a.code()).as("%s: %s", action, a).isEqualTo(410001009);
  }

  @Test
  void registeringAnAgentTwiceIsRefused() {
    Report.cover("RegisterAgent", "errors");
    assumeTrue(TARGET.mayCreateResources(), Suite.billableReason("RegisterAgent"));
    ObjectNode body = SPEC.requestExample("RegisterAgent").put("AgentId", "conformance_dup_" + Suite.unique());
    assertThat(RAW.post("RegisterAgent", body).code()).isZero();
    try {
      Answer again = RAW.post("RegisterAgent", body);
      assertThat(again.code()).as("second RegisterAgent: %s", again).isEqualTo(410001008);
    } finally {
      RAW.post("UnregisterAgent", body.objectNode().put("AgentId", body.get("AgentId").asText()));
    }
  }

  @Test
  void queryAgentsLeavesUnknownIdsOut() {
    Report.cover("QueryAgents", "errors");
    Answer a = RAW.post("QueryAgents", SPEC.requestExample("QueryAgents").removeAll()
        .set("AgentIds", Suite.array().add("conformance_unknown_" + Suite.unique())));
    assertThat(a.code()).as("%s", a).isZero();
    assertThat(a.data().path("Agents")).isEmpty();
  }
}
