package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.raw.Tamper;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the target enforces at the gateway, for every action: the signature, the 600-second
 * timestamp window (601 s off refused, 599 s off accepted) and each signed parameter's own code.
 * None of these requests can take effect, so they run against any target.
 */
@ExtendWith(ReportExtension.class)
class GatewayIT {

  static Stream<String> actions() {
    return SPEC.actions().stream();
  }

  private static Answer send(String action, Tamper tamper) {
    return RAW.send(action, SPEC.requestExample(action).toString(), tamper);
  }

  private static long tolerance() {
    return SPEC.limits().get("timestampToleranceSeconds");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void wrongSignatureIsRefused(String action) {
    Report.cover(action, "gateway");
    Answer a = send(action, Tamper.none().wrongSignature());
    assertThat(a.code()).as("%s with a wrong signature: %s", action, a).isEqualTo(100000005);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void timestampJustOutsideTheWindowIsRefusedBothWays(String action) {
    Report.cover(action, "gateway");
    // Ahead: one second more than "just outside", because the target's clock may tick between
    // signing and checking (seen under load), which shrinks a future offset by one. Behind, a
    // tick only makes the offset larger.
    assertThat(send(action, Tamper.none().timestampOffset(tolerance() + 2)).code()).isEqualTo(100000004);
    assertThat(send(action, Tamper.none().timestampOffset(-(tolerance() + 1))).code()).isEqualTo(100000004);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void timestampJustInsideTheWindowPassesTheGateway(String action) {
    Report.cover(action, "gateway");
    org.junit.jupiter.api.Assumptions.assumeTrue(Suite.mayChange(action), Suite.billableReason(action));
    for (long offset : new long[] {tolerance() - 1, -(tolerance() - 1)}) {
      Answer a = send(action, Tamper.none().timestampOffset(offset));
      assertThat(SPEC.layerOf(a.code())).as("%s %+d s: %s", action, offset, a).isNotEqualTo("gateway");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void eachMissingOrMalformedParameterHasItsOwnCode(String action) {
    Report.cover(action, "gateway");
    assertThat(send(action, Tamper.none().omit("AppId")).code()).as("AppId missing").isEqualTo(100000001);
    assertThat(send(action, Tamper.none().set("AppId", "12ab")).code()).as("AppId malformed").isEqualTo(100000001);
    assertThat(send(action, Tamper.none().omit("Timestamp")).code()).as("Timestamp missing").isEqualTo(100000002);
    assertThat(send(action, Tamper.none().set("Timestamp", "yesterday")).code()).as("Timestamp malformed").isEqualTo(100000003);
    assertThat(send(action, Tamper.none().omit("SignatureNonce")).code()).as("SignatureNonce missing").isEqualTo(100000008);
    assertThat(send(action, Tamper.none().omit("Signature")).code()).as("Signature missing").isEqualTo(100000009);
    assertThat(send(action, Tamper.none().omit("SignatureVersion")).code()).as("SignatureVersion missing").isEqualTo(100000013);
    assertThat(send(action, Tamper.none().set("SignatureVersion", "1.0")).code()).as("SignatureVersion 1.0").isEqualTo(100000014);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void anUnknownAppIdIsRefused(String action) {
    Report.cover(action, "gateway");
    org.junit.jupiter.api.Assumptions.assumeTrue(TARGET.isMock(), "the live service's AppIds are unknown to the suite");
    long unknown = TARGET.appId() == 4294967295L ? 1 : TARGET.appId() + 1;
    assertThat(send(action, Tamper.none().set("AppId", Long.toString(unknown))).code()).isEqualTo(100000010);
  }

  @Test
  void aMissingOrUnknownActionIsRefused() {
    assertThat(RAW.send(null, "{}", Tamper.none()).code()).as("Action missing").isEqualTo(100000006);
    assertThat(RAW.send("CreateAgentInstances", "{}", Tamper.none()).code()).as("unknown Action").isEqualTo(100000007);
    assertThat(RAW.send("createagentinstance", "{}", Tamper.none()).code()).as("Action is case-sensitive").isEqualTo(100000007);
  }
}
