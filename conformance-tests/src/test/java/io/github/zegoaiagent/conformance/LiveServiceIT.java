package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.sut.Target;
import io.github.zegoaiagent.conformance.sut.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks that need the live service; skipped (not failed) without -Dconformance.live=true and
 * credentials. Every exchange of the run, these included, is held to the contract by the
 * validating proxy's checks (RawApi), so a run with credentials writes the same drift report the
 * proxy serves: {@code target/drift-report.md}.
 */
@ExtendWith(ReportExtension.class)
class LiveServiceIT {

  @Test
  void theLiveServiceAcceptsOurSignatureAndAnswersPerContract() {
    Report.cover("ListAgents", "responses");
    assumeTrue(Targets.hasExternalCredentials() && TARGET.kind() == Target.Kind.LIVE,
        "needs -Dconformance.live=true with -Dconformance.baseUrl, -Dconformance.appId and -Dconformance.serverSecret");
    Answer a = RAW.post("ListAgents", SPEC.requestExample("ListAgents"));
    assertThat(a.code()).as("%s", a).isZero();
    assertThat(a.body().path("RequestId").asText()).isNotEmpty();
  }

  /**
   * Every action that only reads ({@code x-zego-read-only}), with each of its request examples: safe on
   * the live service, and what the drift report learns the most from (answers the service fills).
   * Runs on every target; on a mock any drift of an answer fails it (RawApi).
   */
  @Test
  void everyReadOnlyActionIsHeldToTheContract() {
    Suite.READ_ONLY.forEach(a -> Report.cover(a, "responses"));
    for (String action : Suite.READ_ONLY) {
      for (var example : SPEC.requestExamples(action)) {
        Answer a = RAW.post(action, example);
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        assertThat(a.body()).as("%s answers an envelope", action).isNotNull();
      }
    }
  }
}
