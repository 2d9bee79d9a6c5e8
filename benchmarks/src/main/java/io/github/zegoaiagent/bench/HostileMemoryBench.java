package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 21's second target: the hostile memory run of the issue against the standalone jar under
 * a small heap. For each instance limit: as many instances as the mock admits, then 1 MiB
 * AddAgentInstanceMsg requests (340,000 CJK full stops each, under the body cap) until every
 * instance's context is full (4 Mi characters) or refused, plus {@code GET /_mock/instances};
 * every answer is counted by its Code or HTTP status, every connection that ended without an
 * answer as "unanswered". Then {@code POST /_mock/reset}, a full GC in the mock, and its used
 * heap ({@code jcmd GC.heap_info}).
 *
 * <p>Usage: {@code HostileMemoryBench <mock jar> <-Xmx value> <instance limits, comma-separated>}
 */
public final class HostileMemoryBench {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private HostileMemoryBench() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    for (String limit : args[2].split(",")) {
      run(args[0], args[1], Integer.parseInt(limit));
    }
  }

  private static void run(String jar, String xmx, int limit) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator;
    Process mock = new ProcessBuilder(java + "java", "-Xmx" + xmx, "-jar", jar, "--port", String.valueOf(port),
        "--app-id", "1234567890", "--server-secret", SECRET, "--qps-limit", "0", "--log", "none",
        "--max-concurrent-instances", String.valueOf(limit)).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          synchronized (out) {
            out.append(l).append('\n');
          }
        }
      } catch (IOException ignored) {
        // ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    String base = "http://127.0.0.1:" + port + "/";
    try {
      awaitReady(base);
      SignedRequests api = new SignedRequests(base, 1234567890L, SECRET);
      Map<String, Integer> answers = new TreeMap<>();
      int[] unanswered = {0};
      api.ok("RegisterAgent", SignedRequests.agentBody("hostile"));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < limit + 1; i++) {
        JsonNode r = call(api, "CreateAgentInstance", SignedRequests.instanceBody("hostile", "i" + i), answers, unanswered);
        if (r != null && r.path("Code").asInt() == 0) {
          ids.add(r.path("Data").path("AgentInstanceId").asText());
        } else if (r != null) {
          break;
        }
      }
      String message = "{\"Role\":\"user\",\"Content\":\"" + "。".repeat(340_000) + "\"}";
      List<String> open = new ArrayList<>(ids);
      int requests = 0;
      while (!open.isEmpty() && requests < 20_000) {
        for (String id : new ArrayList<>(open)) {
          requests++;
          JsonNode r = call(api, "AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[" + message + "]}",
              answers, unanswered);
          if (r == null || r.path("Code").asInt() != 0) {
            open.remove(id); // full (cap) or refused (budget): done with this one
          }
        }
      }
      HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base + "_mock/instances"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      answers.merge("GET /_mock/instances HTTP " + list.statusCode(), 1, Integer::sum);
      double full = heapUsedMiB(java, mock.pid());
      HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(base + "_mock/reset"))
          .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      double afterReset = heapUsedMiB(java, mock.pid());
      boolean logged;
      synchronized (out) {
        logged = out.indexOf("memory budget reached") >= 0;
      }
      System.out.printf("RESULT hostile-memory xmx=%s instance_limit=%d instances=%d requests=%d unanswered=%d "
              + "answers=\"%s\" log_line=%s heap_full_mib=%.1f reset_status=%d heap_after_reset_mib=%.1f%n",
          xmx, limit, ids.size(), requests, unanswered[0], answers.toString().replace('=', ':'), logged, full,
          reset.statusCode(), afterReset);
    } finally {
      mock.destroy();
      mock.waitFor();
    }
  }

  /** @return the answer, or null when the connection ended without one (counted) */
  private static JsonNode call(SignedRequests api, String action, String body, Map<String, Integer> answers,
      int[] unanswered) {
    try {
      JsonNode r = api.call(action, body.getBytes(StandardCharsets.UTF_8));
      answers.merge(action + " " + r.path("Code").asText(), 1, Integer::sum);
      return r;
    } catch (IOException e) {
      unanswered[0]++;
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitReady(String base) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "_mock/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the mock did not start");
  }

  /** Full GC in the mock, then its used heap from {@code jcmd GC.heap_info}. */
  private static double heapUsedMiB(String javaBin, long pid) throws Exception {
    jcmd(javaBin, pid, "GC.run");
    String info = jcmd(javaBin, pid, "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  private static String jcmd(String javaBin, long pid, String command) throws Exception {
    Process p = new ProcessBuilder(javaBin + "jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }
}
