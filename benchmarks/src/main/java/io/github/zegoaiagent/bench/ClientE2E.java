package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end calls/s over loopback against a running mock (QPS limit off): the client's
 * {@code control().sendAgentInstanceTTS} versus a hand-written {@code java.net.http} baseline
 * doing the same signed request with the same JSON, alternating in rounds. At 1 thread the
 * difference of the mean latencies is the client's overhead per call.
 *
 * <p>Usage: {@code ClientE2E <baseUrl> <appId> <secret> <threads> <seconds> <rounds>}
 */
public final class ClientE2E {

  private static final String TEXT = "Hello! How can I help you today?";

  private interface Call {
    void run() throws Exception;
  }

  private ClientE2E() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    String base = args[0];
    long appId = Long.parseLong(args[1]);
    String secret = args[2];
    int threads = Integer.parseInt(args[3]);
    double seconds = Double.parseDouble(args[4]);
    int rounds = Integer.parseInt(args[5]);
    // The client's Feign/Jackson/validation paths need far longer to reach C2 than the baseline's
    // few calls: a short warm-up made the first measured rounds look like a 0.6x client.
    double warmUp = args.length > 6 ? Double.parseDouble(args[6]) : 20;

    SignedRequests raw = new SignedRequests(base, appId, secret);
    LoadPrep.awaitReady(raw);
    String instanceId = raw.liveInstance("bench_client");
    SendAgentInstanceTTSRequest request = new SendAgentInstanceTTSRequest().agentInstanceId(instanceId).text(TEXT);

    ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(appId).serverSecret(secret)
        .endpoint(URI.create(base)).retryPolicy(RetryPolicy.none()).build();
    Call viaClient = () -> {
      if (client.control().sendAgentInstanceTTS(request).getData().getRound() == null) {
        throw new IllegalStateException("no Round");
      }
    };

    // The baseline: same signing, same JSON (unset fields omitted), same HTTP/1.1 JDK client.
    ObjectMapper mapper = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    Call baseline = () -> {
      HttpRequest r = HttpRequest.newBuilder(raw.signedUri("SendAgentInstanceTTS"))
          .timeout(Duration.ofSeconds(15))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request))).build();
      HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode answer = mapper.readTree(response.body());
      if (response.statusCode() != 200 || answer.path("Code").asInt(-1) != 0
          || !answer.path("Data").path("Round").canConvertToLong()) {
        throw new IllegalStateException("Code " + answer.path("Code"));
      }
    };

    measure(viaClient, threads, warmUp); // warm-up, not reported
    measure(baseline, threads, warmUp);
    List<Double> c = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    long errors = 0;
    for (int i = 0; i < rounds; i++) {
      double[] x = measure(viaClient, threads, seconds);
      double[] y = measure(baseline, threads, seconds);
      c.add(x[0]);
      b.add(y[0]);
      errors += (long) (x[1] + y[1]);
    }
    double mc = Stats.median(c);
    double mb = Stats.median(b);
    // With every thread busy all the time, mean latency = threads / throughput.
    double overheadMicros = (threads / mc - threads / mb) * 1e6;
    System.out.printf("RESULT client-e2e threads=%d client_cps=%.0f baseline_cps=%.0f ratio=%.3f "
            + "latency_diff_us=%.1f errors=%d client_runs=%s baseline_runs=%s%n",
        threads, mc, mb, mc / mb, overheadMicros, errors, Stats.list(c), Stats.list(b));
    client.close();
  }

  /** @return {calls per second, failed calls} */
  private static double[] measure(Call call, int threads, double seconds) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(threads);
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          while (!stop.get()) {
            try {
              call.run();
              ok.increment();
            } catch (Exception e) {
              failed.increment();
            }
          }
        } finally {
          done.countDown();
        }
      });
      worker.setDaemon(true);
      worker.start();
    }
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return new double[] {ok.sum() / elapsed, failed.sum()};
  }
}
