package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mock heap in-process: empty, after 10,000 live instances, after 1,000,000 signed
 * SendAgentInstanceTTS requests over loopback spread over those instances. Used heap is read
 * after forced full GCs.
 *
 * <p>Usage: {@code MemoryBench <instances> <requests> <clientThreads>}
 */
public final class MemoryBench {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private MemoryBench() { }

  private interface Task {
    void run(SignedRequests raw, long i) throws Exception;
  }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    int instances = Integer.parseInt(args[0]);
    long requests = Long.parseLong(args[1]);
    int threads = Integer.parseInt(args[2]);
    MockServerConfig config = MockServerConfig.builder().credential(1234567890L, SECRET).qpsLimit(0)
        .maxConcurrentInstances(instances).build();
    try (MockServer mock = MockServer.start(config)) {
      String base = mock.baseUrl().toString();
      SignedRequests setup = new SignedRequests(base, mock.appId(), SECRET);
      setup.ok("RegisterAgent", SignedRequests.agentBody("mem_agent"));
      double empty = usedMiB();

      String[] ids = new String[instances];
      long failedCreates = run(base, mock.appId(), threads, instances, (raw, i) -> {
        JsonNode a = raw.ok("CreateAgentInstance", SignedRequests.instanceBody("mem_agent", Long.toString(i)));
        ids[(int) i] = a.path("Data").path("AgentInstanceId").asText();
      });
      double withInstances = usedMiB();

      long t0 = System.nanoTime();
      long failedTts = run(base, mock.appId(), threads, requests, (raw, i) -> {
        JsonNode a = raw.call("SendAgentInstanceTTS",
            SignedRequests.ttsBody(ids[(int) (i % instances)]).getBytes(StandardCharsets.UTF_8));
        if (a.path("Code").asInt(-1) != 0) {
          throw new IllegalStateException("Code " + a.path("Code"));
        }
      });
      double secs = (System.nanoTime() - t0) / 1e9;
      double afterRequests = usedMiB();
      System.out.printf("RESULT memory empty_mib=%.1f instances=%d with_instances_mib=%.1f per_instance_kib=%.2f "
              + "requests=%d after_requests_mib=%.1f journal_entries=%d journal_cap=%d failed_creates=%d "
              + "failed_requests=%d request_seconds=%.0f max_heap_mib=%d%n",
          empty, instances, withInstances, (withInstances - empty) * 1024 / instances, requests, afterRequests,
          mock.journal().size(), config.caps().journalSize(), failedCreates, failedTts, secs,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /** Runs {@code count} tasks on {@code threads} loopback clients; @return failed tasks */
  private static long run(String base, long appId, int threads, long count, Task task) throws InterruptedException {
    AtomicLong next = new AtomicLong();
    LongAdder failed = new LongAdder();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SignedRequests raw = new SignedRequests(base, appId, SECRET);
      Thread w = new Thread(() -> {
        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          try {
            task.run(raw, i);
          } catch (Exception e) {
            failed.increment();
          }
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return failed.sum();
  }

  private static double usedMiB() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
