package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.values.MockClock;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Issue 21's first target, in-process over loopback (the mock's HTTP front and pipeline as the
 * standalone jar runs them):
 *
 * <ul>
 *   <li>{@code stall}: while one SendAgentInstanceLLM with a 1 MiB Text (340,000 CJK full stops,
 *       one sentence each) is answered, or while a 4 MiB forwarded answer stream is read and
 *       applied, other clients probe ListAgents and {@code GET /_mock/health} back to back; their
 *       latencies (p50, p99, max) are what another caller of the mock sees meanwhile;</li>
 *   <li>{@code sentences}: the cost per sentence of answering an LLM call whose answer has n
 *       sentences and of speaking it (one LLMResult each), for n from 1,000 to 300,000.</li>
 * </ul>
 *
 * <p>Usage: {@code CoreBench <reps>} (runs of the 1 MiB case after ten warm-up runs; a quarter as
 * many, at least three, of the stream case); prints {@code RESULT core-stall ...} and
 * {@code RESULT core-sentences ...} lines.
 */
public final class CoreBench {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  /** Runs before the measured ones, to warm the JIT up. */
  private static final int WARM_UP = 10;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private CoreBench() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    stallUnderAHugeText(reps);
    stallUnderAForwardedStream(reps);
    costPerSentence();
  }

  private static MockServerConfig.Builder config() {
    return MockServerConfig.builder().credential(1234567890L, SECRET).qpsLimit(0).log(LogSettings.Mode.NONE);
  }

  /** Probes back to back while {@code busy} runs; @return the probes' latencies in ms */
  private static List<Double> probeWhile(MockServer mock, CompletableFuture<?> busy) throws Exception {
    SignedRequests probe = new SignedRequests(mock.baseUrl().toString(), mock.appId(), SECRET);
    URI health = URI.create(mock.baseUrl() + "_mock/health");
    List<Double> ms = new ArrayList<>();
    while (!busy.isDone()) {
      long t0 = System.nanoTime();
      probe.ok("ListAgents", "{}");
      ms.add((System.nanoTime() - t0) / 1e6);
      t0 = System.nanoTime();
      HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    busy.get();
    return ms;
  }

  private static void stallUnderAHugeText(int reps) throws Exception {
    try (MockServer mock = MockServer.start(config().build())) {
      SignedRequests api = new SignedRequests(mock.baseUrl().toString(), mock.appId(), SECRET);
      api.ok("RegisterAgent", SignedRequests.agentBody("core"));
      String text = "。".repeat(340_000);
      List<Double> all = new ArrayList<>();
      List<Double> busyMs = new ArrayList<>();
      for (int r = -WARM_UP; r < reps; r++) { // the first runs warm the JIT up and are not counted
        String id = api.ok("CreateAgentInstance", SignedRequests.instanceBody("core", "h" + r))
            .path("Data").path("AgentInstanceId").asText();
        byte[] body = ("{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        SignedRequests big = new SignedRequests(mock.baseUrl().toString(), mock.appId(), SECRET);
        long t0 = System.nanoTime();
        CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(() -> {
          try {
            return big.call("SendAgentInstanceLLM", body);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        List<Double> ms = probeWhile(mock, call);
        if (call.get().path("Code").asInt() != 0) {
          throw new IllegalStateException("SendAgentInstanceLLM answered " + call.get());
        }
        if (r >= 0) {
          busyMs.add((System.nanoTime() - t0) / 1e6);
          all.addAll(ms);
        }
        api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\"}");
      }
      print("core-stall", "busy=llm_text_1mib body_bytes=" + (text.length() * 3), busyMs, all);
      // The same probes with nothing heavy running, as long: what this machine gives them anyway.
      long quietMs = (long) busyMs.stream().mapToDouble(Double::doubleValue).sum();
      CompletableFuture<Void> quiet = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(quietMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      print("core-stall", "busy=none", List.of((double) quietMs), probeWhile(mock, quiet));
    }
  }

  private static void stallUnderAForwardedStream(int reps) throws Exception {
    // ~3.9 MiB of answer text in 4 KiB chunks, under the 4 MiB stream cap with the SSE framing.
    StringBuilder sentence = new StringBuilder();
    while (sentence.length() < 4000) {
      sentence.append("Word. ");
    }
    String chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"" + sentence + "\"}}]}\n\n";
    int chunks = (int) ((4L << 20) * 94 / 100 / chunk.length());
    HttpServer llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    llm.setExecutor(Executors.newCachedThreadPool());
    llm.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        byte[] c = chunk.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < chunks; i++) {
          out.write(c);
        }
        out.write("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      }
    });
    llm.start();
    String url = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1/chat/completions";
    try (MockServer mock = MockServer.start(config().llmForward(true).llmTimeout(Duration.ofSeconds(120)).build())) {
      SignedRequests api = new SignedRequests(mock.baseUrl().toString(), mock.appId(), SECRET);
      api.ok("RegisterAgent", "{\"AgentId\":\"fw\",\"LLM\":{\"Url\":\"" + url + "\",\"ApiKey\":\"k\",\"Model\":\"m\"},"
          + "\"TTS\":{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{\"appid\":\"a\",\"token\":\"t\"}}}}");
      List<Double> all = new ArrayList<>();
      List<Double> busyMs = new ArrayList<>();
      for (int r = -2; r < Math.max(3, reps / 4); r++) {
        String id = api.ok("CreateAgentInstance", SignedRequests.instanceBody("fw", "f" + r))
            .path("Data").path("AgentInstanceId").asText();
        long t0 = System.nanoTime();
        api.ok("SendAgentInstanceLLM", "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"Tell me everything\"}");
        CompletableFuture<Void> applied = CompletableFuture.runAsync(() -> {
          while (!"SPEAKING".equals(mock.instance(id).getStatus())) {
            Thread.onSpinWait();
          }
        });
        List<Double> ms = probeWhile(mock, applied);
        if (r >= 0) {
          all.addAll(ms);
          busyMs.add((System.nanoTime() - t0) / 1e6);
        }
        api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\"}");
      }
      print("core-stall", "busy=forwarded_stream_4mib stream_bytes=" + ((long) chunks * chunk.length()), busyMs, all);
    } finally {
      llm.stop(0);
    }
  }

  private static void costPerSentence() throws Exception {
    for (int n : new int[] {1_000, 10_000, 100_000, 300_000}) {
      MockClock clock = MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));
      try (MockServer mock = MockServer.start(config().clock(clock).build())) {
        String base = mock.baseUrl().toString();
        SignedRequests signed = new SignedRequests(base, mock.appId(), SECRET);
        // The mock's clock is fixed: sign with it.
        java.util.function.Function<String, URI> at = action -> URI.create(base
            + signed.signedPath(action, clock.millis() / 1000).substring(1));
        post(at.apply("RegisterAgent"), SignedRequests.agentBody("s"));
        String id = post(at.apply("CreateAgentInstance"), SignedRequests.instanceBody("s", "1")
            .replace("}}", "},\"CallbackConfig\":{\"LLMResult\":1}}")).path("Data").path("AgentInstanceId").asText();
        String body = "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"" + "。".repeat(n) + "\"}";
        long t0 = System.nanoTime();
        JsonNode r = post(at.apply("SendAgentInstanceLLM"), body);
        double answerMs = (System.nanoTime() - t0) / 1e6;
        if (r.path("Code").asInt() != 0) {
          throw new IllegalStateException(r.toString());
        }
        t0 = System.nanoTime();
        mock.advanceClock(new ClockAdvance().millis(Math.min(315_360_000_000L, (n + 20L) * 60 + 1_000)));
        double speakMs = (System.nanoTime() - t0) / 1e6;
        long events = mock.callbacks().getEvents().size();
        System.out.printf("RESULT core-sentences sentences=%d answer_ms=%.1f answer_us_per_sentence=%.3f "
                + "speak_ms=%.1f speak_us_per_sentence=%.3f recorded_events=%d%n",
            n + 1, answerMs, answerMs * 1000 / (n + 1), speakMs, speakMs * 1000 / (n + 1), events);
      }
    }
  }

  private static JsonNode post(URI uri, String body) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    return SignedRequests.mapper().readTree(r.body());
  }

  private static void print(String kind, String what, List<Double> busyMs, List<Double> probes) {
    List<Double> sorted = new ArrayList<>(probes);
    sorted.sort(null);
    System.out.printf("RESULT %s %s runs=%d busy_ms_median=%.1f probes=%d probe_p50_ms=%.2f probe_p99_ms=%.2f "
            + "probe_max_ms=%.2f%n", kind, what, busyMs.size(), median(busyMs), sorted.size(), pct(sorted, 50),
        pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.isEmpty() ? 0 : s.get(s.size() / 2);
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
