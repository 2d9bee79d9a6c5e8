package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end calls/s over loopback against a running mock (QPS limit off): the client's
 * {@code control().sendAgentInstanceTTS} versus a hand-written {@code java.net.http} baseline
 * doing the same signed request with the same JSON, alternating in rounds. At 1 thread the
 * difference of the mean latencies is the client's overhead per call. {@code threads} may also be
 * {@code async-N}: N calls kept in flight through {@code client.async()} versus the same number
 * through {@code HttpClient.sendAsync}. Each round also reports this JVM's CPU time per call
 * (the mock runs in its own process), so a CPU-bound gap shows even on an idle machine.
 *
 * <p>Usage: {@code ClientE2E <baseUrl> <appId> <secret> <threads|async-N> <seconds> <rounds> [warm-up s]}
 */
public final class ClientE2E {

  private static final String TEXT = "Hello! How can I help you today?";

  private interface Call {
    void run() throws Exception;
  }

  /** One async call; the future completes when the answer is checked. */
  private interface AsyncCall {
    CompletableFuture<?> start();
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ClientE2E() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    String base = args[0];
    long appId = Long.parseLong(args[1]);
    String secret = args[2];
    boolean async = args[3].startsWith("async-");
    int threads = Integer.parseInt(async ? args[3].substring("async-".length()) : args[3]);
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
    ObjectMapper mapper = JsonMapper.builder().defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS)).build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    Call baseline = () -> check(mapper, http.send(rawRequest(raw, mapper, request), HttpResponse.BodyHandlers.ofByteArray()));
    AsyncCall viaAsyncClient = () -> client.async().control().sendAgentInstanceTTS(request).thenAccept(r -> {
      if (r.getData().getRound() == null) {
        throw new IllegalStateException("no Round");
      }
    });
    AsyncCall asyncBaseline = () -> {
      try {
        return http.sendAsync(rawRequest(raw, mapper, request), HttpResponse.BodyHandlers.ofByteArray())
            .thenAccept(r -> check(mapper, r));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    };

    Measure client1 = async ? () -> measureAsync(viaAsyncClient, threads, seconds) : () -> measure(viaClient, threads, seconds);
    Measure base1 = async ? () -> measureAsync(asyncBaseline, threads, seconds) : () -> measure(baseline, threads, seconds);
    Measure clientWarm = async ? () -> measureAsync(viaAsyncClient, threads, warmUp) : () -> measure(viaClient, threads, warmUp);
    Measure baseWarm = async ? () -> measureAsync(asyncBaseline, threads, warmUp) : () -> measure(baseline, threads, warmUp);
    clientWarm.run(); // warm-up, not reported
    baseWarm.run();
    List<Double> c = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    List<Double> cCpu = new ArrayList<>();
    List<Double> bCpu = new ArrayList<>();
    long errors = 0;
    for (int i = 0; i < rounds; i++) {
      double[] x = client1.run();
      double[] y = base1.run();
      c.add(x[0]);
      b.add(y[0]);
      cCpu.add(x[2]);
      bCpu.add(y[2]);
      errors += (long) (x[1] + y[1]);
    }
    double mc = Stats.median(c);
    double mb = Stats.median(b);
    // With every thread busy all the time, mean latency = threads / throughput.
    double overheadMicros = (threads / mc - threads / mb) * 1e6;
    double cpuC = Stats.median(cCpu);
    double cpuB = Stats.median(bCpu);
    System.out.printf("RESULT client-e2e threads=%s client_cps=%.0f baseline_cps=%.0f ratio=%.3f "
            + "latency_diff_us=%.1f cpu_us_per_call_client=%.1f cpu_us_per_call_baseline=%.1f cpu_ratio=%.2f "
            + "errors=%d client_runs=%s baseline_runs=%s%n",
        args[3], mc, mb, mc / mb, async ? Double.NaN : overheadMicros, cpuC, cpuB, cpuC / cpuB, errors,
        Stats.list(c), Stats.list(b));
    client.close();
  }

  private interface Measure {
    double[] run() throws Exception;
  }

  private static HttpRequest rawRequest(SignedRequests raw, ObjectMapper mapper, SendAgentInstanceTTSRequest request)
      throws Exception {
    return HttpRequest.newBuilder(raw.signedUri("SendAgentInstanceTTS"))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request))).build();
  }

  private static void check(ObjectMapper mapper, HttpResponse<byte[]> response) {
    JsonNode answer;
    try {
      answer = mapper.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (response.statusCode() != 200 || answer.path("Code").asInt(-1) != 0
        || !answer.path("Data").path("Round").canConvertToLong()) {
      throw new IllegalStateException("Code " + answer.path("Code"));
    }
  }

  /** @return {calls per second, failed calls, this JVM's CPU microseconds per call} with N calls kept in flight */
  private static double[] measureAsync(AsyncCall call, int inFlight, double seconds) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(inFlight);
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < inFlight; i++) {
      chain(call, ok, failed, stop, done);
    }
    return finish(seconds, stop, done, ok, failed, t0, cpu0);
  }

  private static void chain(AsyncCall call, LongAdder ok, LongAdder failed, AtomicBoolean stop, CountDownLatch done) {
    call.start().whenComplete((r, t) -> {
      if (t == null) {
        ok.increment();
      } else {
        failed.increment();
      }
      if (stop.get()) {
        done.countDown();
      } else {
        chain(call, ok, failed, stop, done);
      }
    });
  }

  /** @return {calls per second, failed calls, this JVM's CPU microseconds per call} */
  private static double[] measure(Call call, int threads, double seconds) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(threads);
    long cpu0 = OS.getProcessCpuTime();
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
    return finish(seconds, stop, done, ok, failed, t0, cpu0);
  }

  /** Lets the load run for the round, stops it, and turns the counts into {calls/s, failed, CPU µs per call}. */
  private static double[] finish(double seconds, AtomicBoolean stop, CountDownLatch done, LongAdder ok, LongAdder failed,
      long t0, long cpu0) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double cpuMicros = (OS.getProcessCpuTime() - cpu0) / 1e3;
    return new double[] {ok.sum() / elapsed, failed.sum(), cpuMicros / Math.max(1, ok.sum() + failed.sum())};
  }
}
