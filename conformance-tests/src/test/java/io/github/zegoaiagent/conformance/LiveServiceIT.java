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

/** Checks that need the live service; skipped (not failed) without -Dconformance.live=true and credentials. */
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
}
