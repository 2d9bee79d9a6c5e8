package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import io.github.zegoaiagent.mock.values.RecordingHeader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validating proxy in front of the mock itself (issue 24, "Done when"): a full flow of all 19
 * actions and the callbacks it causes goes through the proxy with no drift, the bytes on both
 * sides are the same (the client's signature stays valid, a callback's too), and neither the
 * report, the recording nor the console log holds a secret.
 */
class ProxyThroughMockTest {
  static final String SERVER_SECRET = "0123456789abcdef0123456789abcdef";
  static final String CALLBACK_SECRET = "callback-secret-0042";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aFullFlowThroughTheProxyHasNoDriftAndTheSameBytes() throws Exception {
    Path recording = dir.resolve("flow.jsonl");
    Path report = dir.resolve("drift-report.md");
    int crossings;
    String md;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (CallbackSink receiver = new CallbackSink(CALLBACK_SECRET);
         RecordingRelay relay = new RecordingRelay();
         MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(relay.url()).record(recording)
             .driftReport(report).callbackUrl(receiver.url()).callbackSecret(CALLBACK_SECRET)
             .log(LogSettings.Mode.REQUESTS).logTo(new PrintStream(console, true, StandardCharsets.UTF_8)).build());
         MockServer upstream = MockServer.start(TestServers.config()
             .callbackUrl(URI.create(proxy.baseUrl() + "callback")).callbackSecret(CALLBACK_SECRET).build())) {
      relay.to(upstream.baseUrl());
      RawApi api = new RawApi(proxy.baseUrl(), upstream.appId(), upstream.serverSecret(), () -> upstream.clock().millis());

      Set<String> ok = AllActions.run(api);
      assertThat(ok).hasSize(19);
      upstream.advanceClock(Duration.ofSeconds(30));
      receiver.await("AgentInstanceDeleted", Duration.ofSeconds(10));
      long delivered = waitForDeliveries(upstream);

      // Bytes: the client's odd spacing and escapes reach the upstream as sent, the answer comes back as it left.
      String body = "{ \"AgentId\" : \"bytes\",\n  \"Name\":\"\\u00e9t\\u00e9 caf\u00e9\", \"LLM\":" + Bodies.LLM + " }";
      String query = api.signedQuery("RegisterAgent");
      HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "?" + query))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      RecordingRelay.Crossing crossed = relay.crossings().get(relay.crossings().size() - 1);
      assertThat(crossed.target()).isEqualTo("/?" + query);
      assertThat(crossed.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
      assertThat(crossed.contentType()).isEqualTo("application/json");
      assertThat(answer.statusCode()).isEqualTo(crossed.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(crossed.answer());
      assertThat(answer.headers().firstValue("content-type")).contains(crossed.answerType());
      assertThat(answer.headers().firstValue("x-zego-drift")).isEmpty();
      assertThat(JSON.readTree(answer.body()).path("Code").asInt()).isZero();
      assertThat(relay.crossings()).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
      crossings = relay.crossings().size();
      assertThat(receiver.rejected()).isZero();
      assertThat(receiver.events()).hasSize((int) delivered);

      DriftReport r = proxy.driftReport();
      assertThat(r.drifted()).as("%s", r).isZero();
      assertThat(r.driftCount()).isZero();
      assertThat(r.exchanges()).isEqualTo(relay.crossings().size());
      assertThat(r.callbacks()).isEqualTo(delivered);
      assertThat(r.upstream()).isEqualTo(relay.url().toString());
      assertThat(r.actions()).extracting(DriftReport.ActionDrift::action).contains("RegisterAgent",
          "callback AgentInstanceCreated", "callback AgentInstanceDeleted");
      // the same report over the control API, through the generated client
      MockControlClient control = MockControlClient.of(proxy.baseUrl());
      assertThat(control.drift().getExchanges()).isEqualTo(r.exchanges());
      assertThat(control.writeDriftReport().getPath()).isEqualTo(report.toString());
      md = Files.readString(report);
      assertThat(md).contains("with drift: 0", "| RegisterAgent | 2 | ✅ none |");
      assertThat(control.clearDrift().getExchanges()).isZero();
      assertThat(proxy.driftReport().actions()).isEmpty();
      assertThat(proxy.driftReport().recording().lines()).as("the recording goes on").isEqualTo(crossings + delivered);
    }
    assertThat(Files.readString(report)).as("written again at close, after the counts were cleared")
        .contains("- Exchanges: 0, callbacks: 0, with drift: 0");
    List<String> lines = Files.readAllLines(recording);
    RecordingHeader header = JSON.readValue(lines.get(0), RecordingHeader.class);
    assertThat(header.format()).isEqualTo("zego-aiagent-recording");
    assertThat(header.version()).isEqualTo(1);
    List<RecordedExchange> recorded = lines.stream().skip(1).map(l -> read(l)).toList();
    assertThat(recorded.stream().filter(RecordedExchange::isExchange)).hasSize(crossings);
    assertThat(recorded).allSatisfy(x -> assertThat(x.drift()).isEmpty());
    assertThat(recorded.get(0).action()).isEqualTo("RegisterAgent");
    assertThat(recorded.get(0).body().at("/LLM/ApiKey").asText()).isEqualTo("***");
    assertThat(recorded.stream().filter(x -> "QueryAgents".equals(x.action())).findFirst().orElseThrow()
        .answer().at("/Data/Agents/0/LLM/ApiKey").asText()).isEqualTo("***");
    String log = console.toString(StandardCharsets.UTF_8);
    assertThat(log).contains(" RegisterAgent Code 0 ", " QueryAgents Code 0 ");
    for (String text : List.of(md, String.join("\n", lines), log)) {
      assertThat(text).doesNotContain("sk-test", SERVER_SECRET, CALLBACK_SECRET, "Signature=", "SignatureNonce");
    }
  }

  static RecordedExchange read(String line) {
    try {
      return JSON.readValue(line, RecordedExchange.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(line, e);
    }
  }

  static long waitForDeliveries(MockServer upstream) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (upstream.callbackStats().pending() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(upstream.callbackStats().failedAttempts()).isZero();
    return upstream.callbackStats().delivered();
  }
}
