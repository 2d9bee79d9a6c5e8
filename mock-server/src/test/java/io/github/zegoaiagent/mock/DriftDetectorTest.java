package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.callback.CallbackSigner;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import io.github.zegoaiagent.mock.values.DriftReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks of the validating proxy on their own ({@link DriftDetector}): each kind of drift is
 * found where it is, and nowhere else; the report counts and masks.
 */
class DriftDetectorTest {
  static final String KEY = "sk-live-0123456789";
  static final String AGENT = "{\"AgentId\":\"a1\",\"LLM\":{\"Url\":\"https://llm.example/v1\",\"ApiKey\":\"" + KEY
      + "\",\"Model\":\"m\"},\"TTS\":" + Bodies.TTS + "}";
  static final String OK = "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\"}";

  final DriftDetector detector = DriftDetector.create("http://upstream.test");

  List<Drift> check(String action, String body, int status, String answer) {
    return detector.exchange(action, utf8(body), status, utf8(answer));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String kinds(List<Drift> drift) {
    return String.join(",", drift.stream().map(d -> d.kind().wireName() + "@" + d.path()).toList());
  }

  @Test
  void aConformingExchangeHasNoDrift() {
    assertThat(check("RegisterAgent", AGENT, 200, OK)).isEmpty();
    assertThat(check("QueryAgentInstanceStatus", Bodies.id("1"), 200,
        "{\"Code\":0,\"Message\":\"Succeed\",\"RequestId\":\"2\",\"Data\":{\"Status\":\"IDLE\"}}")).isEmpty();
    assertThat(check("QueryAgentInstanceStatus", Bodies.id("1"), 200,
        "{\"Code\":410001002,\"Message\":\"no such instance\",\"RequestId\":\"3\"}")).isEmpty();
    // a gateway code and a scope-all code may come from any action
    assertThat(check("RegisterAgent", AGENT, 200, "{\"Code\":100000005,\"Message\":\"sig\",\"RequestId\":\"4\"}")).isEmpty();
    assertThat(check("RegisterAgent", AGENT, 200, "{\"Code\":410000001,\"Message\":\"sys\",\"RequestId\":\"5\"}")).isEmpty();
  }

  @Test
  void eachAnswerKindIsFoundWhereItIs() {
    String status = "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"1\",\"Data\":%s}";
    assertThat(kinds(check("QueryAgentInstanceStatus", Bodies.id("1"), 200,
        status.formatted("{\"Status\":\"IDLE\",\"LLMFirstTokenLatency\":120}"))))
        .isEqualTo("extra-field@Data.LLMFirstTokenLatency");
    assertThat(kinds(check("QueryAgentInstanceStatus", Bodies.id("1"), 200, status.formatted("{\"Status\":\"DANCING\"}"))))
        .isEqualTo("unlisted-enum-value@Data.Status");
    assertThat(kinds(check("QueryAgentInstanceStatus", Bodies.id("1"), 200, status.formatted("{}"))))
        .isEqualTo("missing-field@Data.Status");
    assertThat(kinds(check("SendAgentInstanceTTS", Bodies.tts("1", "Hi", ""), 200, status.formatted("{\"Round\":\"five\"}"))))
        .isEqualTo("wrong-type@Data.Round");
    assertThat(kinds(check("CreateDigitalHumanAgentInstance", Bodies.instance("a1", "1",
        ",\"DigitalHuman\":{\"DigitalHumanId\":\"x\"}"), 200,
        status.formatted("{\"AgentInstanceId\":\"1\",\"DigitalHumanConfig\":\"not base64!\"}"))))
        .isEqualTo("assumed-constraint-violated@Data.DigitalHumanConfig");
    assertThat(kinds(check("RegisterAgent", AGENT, 200, "{\"Code\":410009999,\"Message\":\"new\",\"RequestId\":\"1\"}")))
        .isEqualTo("undocumented-code@Code");
    assertThat(kinds(check("RegisterAgent", AGENT, 200, "{\"Code\":410001002,\"Message\":\"?\",\"RequestId\":\"1\"}")))
        .isEqualTo("code-not-listed-for-action@Code");
    assertThat(kinds(check("RegisterAgent", AGENT, 200, "{\"Code\":0,\"Message\":\"ok\"}")))
        .isEqualTo("missing-field@RequestId");
    assertThat(kinds(check("RegisterAgent", AGENT, 503, "<html>busy</html>"))).isEqualTo("not-an-envelope@");
    assertThat(kinds(check("RegisterAgent", AGENT, 200, "<html>ok</html>"))).isEqualTo("not-an-envelope@body");
  }

  @Test
  void theRequestIsHeldToTheTolerantFaceAgainstTheServicesVerdict() {
    String noId = "{\"Name\":\"x\"}";
    assertThat(kinds(check("RegisterAgent", noId, 200, OK))).isEqualTo("accepted-but-contract-refuses@body");
    List<Drift> refused = check("RegisterAgent", AGENT, 200,
        "{\"Code\":410000003,\"Message\":\"LLM.ApiKey " + KEY + " is not valid\",\"RequestId\":\"1\"}");
    assertThat(kinds(refused)).isEqualTo("refused-but-contract-accepts@body");
    assertThat(refused.get(0).detail()).contains("LLM.ApiKey *** is not valid").doesNotContain(KEY);
    // refused and refused, or a Code that says nothing about the body: no drift
    assertThat(check("RegisterAgent", noId, 200, "{\"Code\":410000003,\"Message\":\"AgentId\",\"RequestId\":\"1\"}")).isEmpty();
    assertThat(check("RegisterAgent", noId, 200, "{\"Code\":100000005,\"Message\":\"sig\",\"RequestId\":\"1\"}")).isEmpty();
    assertThat(kinds(check("PingAgent", "{}", 200, OK))).isEqualTo("undocumented-action@");
    assertThat(check("PingAgent", "{}", 200, "{\"Code\":100000007,\"Message\":\"?\",\"RequestId\":\"1\"}")).isEmpty();
  }

  @Test
  void requestsOnlyTheTolerantFaceAcceptsAreCountedByRule() {
    check("CreateAgentInstance", "{\"AgentId\":\"a1\",\"UserId\":\"u\",\"RTC\":" + Bodies.rtc("1")
        + ",\"LLM\":null,\"AgentUserID\":\"typo\"}", 200,
        "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"1\",\"Data\":{\"AgentInstanceId\":\"9\"}}");
    DriftReport.ActionDrift a = detector.report().actions().get(0);
    assertThat(a.drift()).isEmpty();
    assertThat(a.tolerated()).extracting(DriftReport.Tolerated::rule)
        .containsExactly("unknownProperties", "nullMeansAbsent");
    assertThat(a.tolerated().get(0).example()).isEqualTo("AgentUserID");
  }

  @Test
  void callbacksAreVerifiedAndChecked() {
    String secret = "cb-secret-1234";
    String ts = "1745502313000";
    String nonce = "7450395512627324902";
    String event = "{\"AppId\":1,\"AgentInstanceId\":\"1\",\"Event\":\"%s\",\"Nonce\":\"" + nonce + "\",\"Timestamp\":" + ts
        + ",\"Signature\":\"" + CallbackSigner.sign(secret, ts, nonce) + "\",\"Sequence\":1,\"Data\":{\"Code\":0%s}}";
    assertThat(detector.callback(utf8(event.formatted("AgentInstanceDeleted", "")), secret)).isEmpty();
    assertThat(kinds(detector.callback(utf8(event.formatted("AgentInstanceDeleted", "")), "another-secret")))
        .isEqualTo("callback-signature-invalid@Signature");
    assertThat(kinds(detector.callback(utf8(event.formatted("AgentInstanceDeleted", ",\"Reason\":\"x\"")), secret)))
        .isEqualTo("extra-field@Data.Reason");
    assertThat(kinds(detector.callback(utf8(event.formatted("AgentDanced", "")), secret)))
        .isEqualTo("unknown-callback-event@Event");
    assertThat(detector.report().callbacks()).isEqualTo(4);
    assertThat(detector.report().actions()).extracting(DriftReport.ActionDrift::action)
        .containsExactly("callback AgentInstanceDeleted", "callback AgentDanced");
  }

  @Test
  void theReportCountsPerActionAndKindWithOneMaskedExample() {
    for (int i = 0; i < 3; i++) {
      check("QueryAgents", "{\"AgentIds\":[\"a1\"]}", 200, "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"" + i
          + "\",\"Data\":{\"Agents\":[" + AGENT + "],\"Extra\":" + i + "}}");
    }
    check("ListAgents", "{}", 200, OK);
    DriftReport r = detector.report();
    assertThat(r.exchanges()).isEqualTo(4);
    assertThat(r.drifted()).isEqualTo(3);
    assertThat(r.upstream()).isEqualTo("http://upstream.test");
    DriftReport.ActionDrift q = r.actions().get(0);
    assertThat(q.action()).isEqualTo("QueryAgents");
    assertThat(q.exchanges()).isEqualTo(3);
    assertThat(q.drift()).hasSize(1);
    assertThat(q.drift().get(0).kind()).isEqualTo(DriftKind.EXTRA_FIELD);
    assertThat(q.drift().get(0).count()).isEqualTo(3);
    assertThat(q.drift().get(0).example().exchange().answer().toString()).contains("***").doesNotContain(KEY);
    String md = detector.markdown("Drift report");
    assertThat(md).contains("| QueryAgents | 3 | ❌ extra-field ×3 |", "| ListAgents | 1 | ✅ none |", "**extra-field**")
        .doesNotContain(KEY);
    detector.clear();
    assertThat(detector.report().exchanges()).isZero();
    assertThat(detector.report().actions()).isEmpty();
  }
}
