package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.DriftingUpstream.Body;
import io.github.zegoaiagent.mock.DriftingUpstream.CloseMidAnswer;
import io.github.zegoaiagent.mock.DriftingUpstream.Slow;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.values.DriftKind;
import io.github.zegoaiagent.mock.values.DriftReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validating proxy in front of a deliberately drifting upstream (issue 24, "Done when"): an
 * extra answer field, an unlisted enum value, an undocumented code, a missing documented field, a
 * wrong type, a slow answer, a close mid-answer and an oversized answer each appear in the report
 * with their kind and action; the client gets what the upstream sent (or HTTP 504 / 502 for the
 * last three); no secret reaches the report, the recording or the log.
 */
class DriftingUpstreamTest {
  static final String API_KEY = "sk-drift-secret-7777";
  static final String SERVER_SECRET = "server-secret-drift-9999";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENVELOPE = "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"7\",\"Data\":%s}";

  @TempDir
  Path dir;

  /** Action → (the upstream's behaviour, the kind the report must show). */
  static final Map<String, Object[]> CASES = Map.of(
      "ListAgents", new Object[] {Body.json(ENVELOPE.formatted("{\"Total\":0,\"Agents\":[],\"Cursor\":\"\",\"Shard\":3}")),
          DriftKind.EXTRA_FIELD, "Data.Shard"},
      "QueryAgentInstanceStatus", new Object[] {Body.json(ENVELOPE.formatted("{\"Status\":\"DANCING\"}")),
          DriftKind.UNLISTED_ENUM_VALUE, "Data.Status"},
      "RegisterAgent", new Object[] {Body.json("{\"Code\":410009999,\"Message\":\"new code\",\"RequestId\":\"8\"}"),
          DriftKind.UNDOCUMENTED_CODE, "Code"},
      "CreateAgentInstance", new Object[] {Body.json(ENVELOPE.formatted("{}")), DriftKind.MISSING_FIELD,
          "Data.AgentInstanceId"},
      "SendAgentInstanceTTS", new Object[] {Body.json(ENVELOPE.formatted("{\"Round\":\"five\"}")), DriftKind.WRONG_TYPE,
          "Data.Round"},
      "GetAgentInstanceMsgList", new Object[] {new Slow(5_000), DriftKind.SLOW_ANSWER, ""},
      "InterruptAgentInstance", new Object[] {new CloseMidAnswer(1000), DriftKind.CLOSED_MID_ANSWER, ""},
      "QueryAgents", new Object[] {Body.json(ENVELOPE.formatted("{\"Agents\":[],\"Pad\":\"" + "x".repeat(200_000) + "\"}")),
          DriftKind.OVERSIZED_ANSWER, ""});

  static final Map<String, String> BODIES = Map.of(
      "RegisterAgent", "{\"AgentId\":\"d1\",\"LLM\":{\"Url\":\"https://llm.example/v1\",\"ApiKey\":\"" + API_KEY
          + "\",\"Model\":\"m\"}}",
      "CreateAgentInstance", Bodies.instance("d1", "1"),
      "SendAgentInstanceTTS", Bodies.tts("1", "Hi", ""),
      "QueryAgents", "{\"AgentIds\":[\"d1\"]}",
      "ListAgents", "{}");

  @Test
  void eachDriftAppearsWithItsKindAndActionAndTheClientGetsWhatTheUpstreamSent() throws Exception {
    Path recording = dir.resolve("drift.jsonl");
    Path report = dir.resolve("drift.md");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    String json;
    try (DriftingUpstream upstream = new DriftingUpstream();
         MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(upstream.url())
             .proxyTimeout(Duration.ofMillis(1500)).proxyMaxAnswerBytes(64 * 1024).record(recording).driftReport(report)
             .log(LogSettings.Mode.REQUESTS).logTo(new PrintStream(console, true, StandardCharsets.UTF_8)).build())) {
      CASES.forEach((action, c) -> upstream.on(action, (DriftingUpstream.Behaviour) c[0]));
      for (Map.Entry<String, Object[]> c : CASES.entrySet()) {
        String action = c.getKey();
        String body = BODIES.getOrDefault(action, Bodies.id("1"));
        HttpResponse<byte[]> answer = post(proxy.baseUrl(), action, body);
        DriftKind kind = (DriftKind) c.getValue()[1];
        assertThat(upstream.lastBody(action)).as(action).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        if (kind.group() != DriftKind.Group.TRANSPORT && c.getValue()[0] instanceof Body sent) {
          assertThat(answer.statusCode()).as(action).isEqualTo(200);
          assertThat(answer.body()).as("%s: the upstream's bytes", action).isEqualTo(sent.body());
          assertThat(answer.headers().firstValue("X-Zego-Drift")).as(action).contains(kind.wireName());
        } else {
          int expected = kind == DriftKind.SLOW_ANSWER ? 504 : 502;
          assertThat(answer.statusCode()).as(action).isEqualTo(expected);
          JsonNode error = JSON.readTree(answer.body());
          assertThat(error.path("reason").asText()).isEqualTo(kind.wireName());
          assertThat(error.path("error").asText()).contains("the upstream " + upstream.url());
        }
      }
      DriftReport r = proxy.driftReport();
      assertThat(r.exchanges()).isEqualTo(CASES.size());
      assertThat(r.drifted()).isEqualTo(CASES.size());
      Map<String, DriftReport.ActionDrift> byAction = r.actions().stream()
          .collect(Collectors.toMap(DriftReport.ActionDrift::action, a -> a));
      CASES.forEach((action, c) -> {
        DriftReport.ActionDrift a = byAction.get(action);
        assertThat(a.drift()).as(action).extracting(DriftReport.DriftCount::kind).containsExactly((DriftKind) c[1]);
        assertThat(a.drift().get(0).example().path()).as(action).isEqualTo(c[2]);
      });
      json = new String(JSON.writeValueAsBytes(MockControlClient.of(proxy.baseUrl()).drift()), StandardCharsets.UTF_8);
      assertThat(json).contains("\"kind\":\"unlisted-enum-value\"", "\"action\":\"QueryAgentInstanceStatus\"");
    }
    String md = Files.readString(report);
    assertThat(md).contains("| ListAgents | 1 | ❌ extra-field ×1 |", "| GetAgentInstanceMsgList | 1 | ❌ slow-answer ×1 |",
        "| QueryAgents | 1 | ❌ oversized-answer ×1 |", "`Data.Status`");
    List<String> lines = Files.readAllLines(recording);
    assertThat(lines).hasSize(1 + CASES.size());
    String log = console.toString(StandardCharsets.UTF_8);
    assertThat(log).contains(" RegisterAgent Code 410009999 ", " GetAgentInstanceMsgList Code -1 ");
    for (String text : List.of(md, json, String.join("\n", lines), log)) {
      assertThat(text).doesNotContain(API_KEY, SERVER_SECRET, "Signature=");
    }
  }

  @Test
  void beyondItsInFlightBoundTheProxyAnswers503AtOnceAndForwardsNothing() throws Exception {
    try (DriftingUpstream upstream = new DriftingUpstream().on("ListAgents", new Slow(1_500));
         MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(upstream.url()).proxyMaxInFlight(1).build())) {
      var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return post(proxy.baseUrl(), "ListAgents", "{\"Limit\":1}");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (upstream.lastBody("ListAgents") == null && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      HttpResponse<byte[]> second = post(proxy.baseUrl(), "QueryAgents", "{\"AgentIds\":[\"x\"]}");
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(second.body()).path("reason").asText()).isEqualTo("busy");
      assertThat(upstream.lastBody("QueryAgents")).as("nothing forwarded").isNull();
      assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(post(proxy.baseUrl(), "QueryAgents", "{\"AgentIds\":[\"x\"]}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anUnreachableUpstreamIsAnsweredHttp502AndReported() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (MockServer proxy = MockServer.start(MockServerConfig.builder()
        .proxy(URI.create("http://127.0.0.1:" + closed)).build())) {
      HttpResponse<byte[]> answer = post(proxy.baseUrl(), "ListAgents", "{}");
      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(proxy.driftReport().actions().get(0).drift().get(0).kind()).isEqualTo(DriftKind.UPSTREAM_UNREACHABLE);
    }
  }

  @Test
  void aForgedOrUnknownCallbackIsReportedAndStillAnswered() throws Exception {
    String secret = "cb-secret-for-the-proxy";
    String event = "{\"AppId\":42,\"AgentInstanceId\":\"1\",\"Event\":\"%s\",\"Nonce\":\"n1\",\"Timestamp\":1745502313000,"
        + "\"Signature\":\"%s\",\"Sequence\":1,\"Data\":{\"Code\":0}}";
    String good = io.github.zegoaiagent.mock.internal.callback.CallbackSigner.sign(secret, "1745502313000", "n1");
    try (MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(URI.create("http://127.0.0.1:9"))
        .callbackSecret(secret).proxyCallbackPath("/zego/cb").build())) {
      URI cb = URI.create(proxy.baseUrl() + "zego/cb");
      for (String body : List.of(event.formatted("AgentInstanceDeleted", good), event.formatted("AgentInstanceDeleted",
          "0".repeat(40)), event.formatted("AgentWaved", good), "not json")) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(cb).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("nothing to forward to: the service gets a 2xx").isEqualTo(200);
      }
      DriftReport r = proxy.driftReport();
      assertThat(r.callbacks()).isEqualTo(4);
      assertThat(r.exchanges()).isZero();
      Map<String, List<DriftKind>> kinds = r.actions().stream().collect(Collectors.toMap(DriftReport.ActionDrift::action,
          a -> a.drift().stream().map(DriftReport.DriftCount::kind).toList()));
      assertThat(kinds).containsEntry("callback AgentInstanceDeleted", List.of(DriftKind.CALLBACK_SIGNATURE_INVALID))
          .containsEntry("callback AgentWaved", List.of(DriftKind.UNKNOWN_CALLBACK_EVENT))
          .containsEntry("callback (no Event)", List.of(DriftKind.NOT_AN_ENVELOPE));
      assertThat(proxy.driftMarkdown()).doesNotContain(good, secret);
    }
  }

  static HttpResponse<byte[]> post(URI proxy, String action, String body) throws Exception {
    long ts = System.currentTimeMillis() / 1000;
    String nonce = "00000000000000ab";
    String query = "Action=" + action + "&AppId=42&SignatureNonce=" + nonce + "&Timestamp=" + ts + "&Signature="
        + RawApi.md5Signature(42, nonce, SERVER_SECRET, ts) + "&SignatureVersion=2.0";
    return HTTP.send(HttpRequest.newBuilder(URI.create(proxy + "?" + query)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
