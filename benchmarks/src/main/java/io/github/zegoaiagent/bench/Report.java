package io.github.zegoaiagent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code RESULT kind key=value ...} lines of run.sh into the Markdown table of
 * BENCHMARKS.md (medians over runs, ratios, targets, pass/miss).
 *
 * <p>Usage: {@code Report <results.txt>}
 */
public final class Report {

  private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

  private Report() { }

  /** @param args the results file */
  public static void main(String[] args) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.startsWith("RESULT ")) {
        continue;
      }
      Map<String, String> m = new LinkedHashMap<>();
      String[] head = line.split(" ", 3);
      m.put("kind", head[1]);
      Matcher x = PAIR.matcher(head.length > 2 ? head[2] : "");
      while (x.find()) {
        m.put(x.group(1), x.group(2).replace("\"", ""));
      }
      rows.add(m);
    }
    Map<String, String> env = first(rows, r -> r.get("kind").equals("env"));
    Map<String, String> envEnd = first(rows, r -> r.get("kind").equals("env_end"));
    StringBuilder out = new StringBuilder();
    out.append("Date ").append(env.get("date")).append("; ").append(env.get("nproc")).append(" CPUs (")
        .append(env.get("cpu")).append("), ").append(env.get("ram_gib")).append(" GiB RAM; JDK ")
        .append(env.get("jdk")).append("; wrk ").append(env.get("wrk")).append("; servers pinned to CPU 0 and wrk to CPU 1: ")
        .append(env.get("pinned")).append("; load average before ")
        .append(env.get("load_before")).append(", after ").append(envEnd == null ? "?" : envEnd.get("load_after"))
        .append(".\n\n");
    out.append("| Measure | Measured (median) | Target | Result |\n|---|---|---|---|\n");

    servers(rows, out);
    startup(rows, out);
    for (Map<String, String> j : all(rows, "jmh-mock", null, null)) {
      out.append(row("Mock JMH " + j.get("bench") + " (per request, no I/O)", fmt("%s ns/op (± %s), %s B/op allocated",
          j.get("ns_per_op"), j.get("error_ns"), j.get("bytes_per_op")), "", ""));
    }
    // perCall measures sign + validate + encode + decode as one call; the other benches are its
    // pieces, so their sum is shown for comparison and perCall carries the target (issue 12).
    double piecesSum = 0;
    double perCall = -1;
    for (Map<String, String> j : all(rows, "jmh", null, null)) {
      double us = Double.parseDouble(j.get("us_per_op"));
      if ("perCall".equals(j.get("bench"))) {
        perCall = us;
      } else {
        piecesSum += us;
      }
      out.append(row("Client JMH " + j.get("bench"), fmt("%.2f µs/op (± %s)", us, j.get("error_us")), "", ""));
    }
    if (piecesSum > 0) {
      out.append(row("Client JMH pieces summed (sign + validate + encode + decode)", fmt("%.1f µs/call", piecesSum), "", ""));
    }
    if (perCall >= 0) {
      out.append(row("Client JMH perCall (sign + validate + encode + decode in one call)", fmt("%.2f µs/call", perCall), "≤ 5 µs (issue 12)", pass(perCall <= 5)));
    }
    for (Map<String, String> e : all(rows, "client-e2e", null, null)) {
      double ratio = Double.parseDouble(e.get("ratio"));
      out.append(row("Client E2E vs java.net.http baseline, " + e.get("threads") + " thread(s)",
          fmt("%s vs %s calls/s = %.2f×; latency difference %s µs/call; %s errors", e.get("client_cps"), e.get("baseline_cps"),
              ratio, e.get("latency_diff_us"), e.get("errors")), "≥ 0.9×", pass(ratio >= 0.9)));
    }
    Map<String, String> mem = first(rows, r -> r.get("kind").equals("memory"));
    if (mem != null) {
      out.append(row("Mock heap: empty / " + mem.get("instances") + " live instances",
          fmt("%s MiB / %s MiB (%s KiB per instance; %s failed creates)", mem.get("empty_mib"), mem.get("with_instances_mib"),
              mem.get("per_instance_kib"), mem.get("failed_creates")), "", ""));
      out.append(row("Mock heap after " + mem.get("requests") + " more requests",
          fmt("%s MiB; journal %s entries (cap %s); %s failed requests; %s s", mem.get("after_requests_mib"), mem.get("journal_entries"),
              mem.get("journal_cap"), mem.get("failed_requests"), mem.get("request_seconds")), "journal bounded",
          pass(Integer.parseInt(mem.get("journal_entries")) <= Integer.parseInt(mem.get("journal_cap")))));
    }
    core(rows, out);
    System.out.print(out);
  }

  /** Issue 21: other callers' latency while one request is heavy; cost per sentence; the hostile memory run. */
  private static void core(List<Map<String, String>> rows, StringBuilder out) {
    for (Map<String, String> r : all(rows, "core-stall", null, null)) {
      double p99 = Double.parseDouble(r.get("probe_p99_ms"));
      if ("none".equals(r.get("busy"))) {
        out.append(row("ListAgents and /_mock/health with nothing heavy running (same run, same duration)",
            fmt("p50 %s ms, p99 %s ms, max %s ms (%s probes)", r.get("probe_p50_ms"), r.get("probe_p99_ms"),
                r.get("probe_max_ms"), r.get("probes")), "", ""));
        continue;
      }
      out.append(row("ListAgents and /_mock/health while " + ("llm_text_1mib".equals(r.get("busy"))
              ? "a 1 MiB SendAgentInstanceLLM Text is answered" : "a 4 MiB forwarded LLM stream is read and applied"),
          fmt("p50 %s ms, p99 %s ms, max %s ms (%s probes over %s runs; the heavy call took %s ms, median)",
              r.get("probe_p50_ms"), r.get("probe_p99_ms"), r.get("probe_max_ms"), r.get("probes"), r.get("runs"),
              r.get("busy_ms_median")), "p99 ≤ 50 ms", pass(p99 <= 50)));
    }
    List<Map<String, String>> sentences = all(rows, "core-sentences", null, null);
    if (!sentences.isEmpty()) {
      StringBuilder answer = new StringBuilder();
      StringBuilder speak = new StringBuilder();
      double first = Double.parseDouble(sentences.get(0).get("answer_us_per_sentence"));
      double last = Double.parseDouble(sentences.get(sentences.size() - 1).get("answer_us_per_sentence"));
      for (Map<String, String> r : sentences) {
        answer.append(answer.length() == 0 ? "" : " / ").append(r.get("sentences")).append(": ").append(r.get("answer_us_per_sentence"));
        speak.append(speak.length() == 0 ? "" : " / ").append(r.get("sentences")).append(": ").append(r.get("speak_us_per_sentence"));
      }
      out.append(row("Cost per sentence, answering (µs per sentence, by sentences)", answer.toString(),
          "flat from 1k to 300k", pass(last <= 2 * first) + fmt(" (largest / smallest: %.2f×)", last / first)));
      out.append(row("Cost per sentence, speaking with one LLMResult each (µs per sentence)", speak.toString(), "", ""));
    }
    for (Map<String, String> r : all(rows, "hostile-memory", null, null)) {
      double after = Double.parseDouble(r.get("heap_after_reset_mib"));
      boolean ok = "0".equals(r.get("unanswered")) && after < 32;
      out.append(row("Hostile memory run, -Xmx" + r.get("xmx") + ", instance limit " + r.get("instance_limit"),
          fmt("%s instances, %s requests, %s unanswered; answers %s; log line %s; heap %s MiB full, %s MiB after reset",
              r.get("instances"), r.get("requests"), r.get("unanswered"), r.get("answers"), r.get("log_line"),
              r.get("heap_full_mib"), r.get("heap_after_reset_mib")),
          "documented codes, 0 unanswered, < 32 MiB after reset", pass(ok)));
    }
  }

  /** The mock-vs-WireMock-vs-nginx rows (issue 11): medians of the alternating wrk runs, both ratios. */
  private static void servers(List<Map<String, String>> rows, StringBuilder out) {
    String[][] servers = {
        {"mock", "Mock (Netty front): signed SendAgentInstanceTTS, 32 conns"},
        {"mock-baseline", "Mock baseline jar (BENCH_BASELINE_MOCK_JAR), same requests"},
        {"wiremock", "WireMock 3.13.2 static stub, same requests"},
        {"nginx", "nginx constant JSON, same requests"},
        {"jdk-constant", "JDK HttpServer hardened, constant JSON (ceiling of a JDK front)"},
        {"mock-stalled", "Mock with the stalled connections open"}};
    Map<String, Double> rps = new LinkedHashMap<>();
    for (String[] s : servers) {
      List<Map<String, String>> r = all(rows, "throughput", "server", s[0]);
      if (r.isEmpty()) {
        continue;
      }
      rps.put(s[0], median(r, "rps"));
      out.append(row(s[1], fmt("%.0f req/s, p50 %.2f ms, p99 %.2f ms (%d runs: %s req/s; %d bad answers, %d socket errors)",
          median(r, "rps"), median(r, "p50_ms"), median(r, "p99_ms"), r.size(),
          String.join(" / ", r.stream().map(x -> x.get("rps")).toList()),
          (long) sum(r, "bad_answers"), (long) sum(r, "socket_errors")), "", ""));
    }
    Double m = rps.get("mock");
    if (m != null && rps.containsKey("nginx")) {
      out.append(row("Mock / nginx throughput", fmt("%.2f×", m / rps.get("nginx")), "≥ 0.5× (issue 26)", pass(m / rps.get("nginx") >= 0.5)));
    }
    if (m != null && rps.containsKey("wiremock")) {
      out.append(row("Mock / WireMock throughput", fmt("%.1f×", m / rps.get("wiremock")), "≥ 10×", pass(m / rps.get("wiremock") >= 10)));
    }
    if (rps.containsKey("jdk-constant") && rps.containsKey("nginx")) {
      out.append(row("JDK HttpServer constant / nginx", fmt("%.2f×", rps.get("jdk-constant") / rps.get("nginx")), "", ""));
    }
    if (m != null && rps.containsKey("mock-baseline")) {
      out.append(row("Mock / baseline mock", fmt("%.1f×", m / rps.get("mock-baseline")), "", ""));
    }
    List<Map<String, String>> mock = all(rows, "throughput", "server", "mock");
    if (!mock.isEmpty()) {
      double p99 = median(mock, "p99_ms");
      out.append(row("Mock p99 latency, 32 conns", fmt("%.2f ms", p99), "≤ 2 ms (issue 26)", pass(p99 <= 2)));
    }
    List<Map<String, String>> stalledRun = all(rows, "throughput", "server", "mock-stalled");
    Map<String, String> stalled = first(rows, r -> r.get("kind").equals("stalled"));
    if (!stalledRun.isEmpty() && stalled != null) {
      double p99 = median(stalledRun, "p99_ms");
      boolean allClosed = stalled.get("closed_by_server").equals(stalled.get("count"));
      out.append(row("Normal client's p99 with " + stalled.get("count") + " stalled connections open", fmt("%.2f ms", p99), "≤ 20 ms", pass(p99 <= 20)));
      out.append(row("Stalled connections closed by the mock's timeouts", fmt("%s of %s, the last after %s s",
          stalled.get("closed_by_server"), stalled.get("count"), stalled.get("last_closed_after_s")), "all", pass(allClosed)));
    }
    Map<String, String> conns = first(rows, r -> r.get("kind").equals("connections"));
    if (conns != null) {
      out.append(row("Mock heap with " + conns.get("idle") + " idle connections", fmt("%s → %s MiB (%s KiB per connection; %s open in the mock)",
          conns.get("heap_before_mib"), conns.get("heap_after_mib"), conns.get("per_connection_kib"), conns.get("open_in_mock")), "bounded, stated", "stated"));
    }
  }

  /**
   * Start to first Code 0 (issue 26): every variant StartupBench ran, with its CPU and class
   * counts, and the targets: standalone and embedded each ≤ 500 ms and below a third of
   * WireMock's same way of starting.
   */
  private static void startup(List<Map<String, String>> rows, StringBuilder out) {
    String[][] variants = {
        {"mock", "standalone jar, `java -jar`", "wiremock"},
        {"mock-cds", "standalone jar with the build's CDS archive (JDK 17)", "wiremock"},
        {"mock-embedded", "`MockServer.start` in a fresh JVM", "wiremock-embedded"},
        {"wiremock", "WireMock standalone", null},
        {"wiremock-embedded", "WireMock in-process, fresh JVM", null},
        {"mock-jdk25", "standalone jar on JDK 25", "wiremock"},
        {"mock-jdk25-autocds", "standalone jar on JDK 25, `-XX:+AutoCreateSharedArchive`", "wiremock"},
        {"mock-jdk25-aot", "standalone jar on JDK 25, `-XX:AOTCache` from the training run", "wiremock"}};
    Map<String, Double> ms = new LinkedHashMap<>();
    for (String[] v : variants) {
      Map<String, String> r = first(rows, x -> x.get("kind").equals("startup") && v[0].equals(x.get("server")));
      if (r != null) {
        ms.put(v[0], Double.parseDouble(r.get("median_ms")));
      }
    }
    for (String[] v : variants) {
      Map<String, String> r = first(rows, x -> x.get("kind").equals("startup") && v[0].equals(x.get("server")));
      if (r == null) {
        continue;
      }
      double m = ms.get(v[0]);
      String measured = fmt("%.0f ms (runs %s); CPU %s ms (runs %s); %s classes loaded, %s of them from an archive",
          m, r.get("runs_ms"), r.get("cpu_ms"), r.get("cpu_runs_ms"), r.get("classes"), r.get("classes_shared"));
      Double w = v[2] == null ? null : ms.get(v[2]);
      String target = v[2] == null ? "" : "≤ 500 ms and < ⅓ of " + v[2];
      String result = v[2] == null ? "" : pass(m <= 500 && w != null && m < w / 3)
          + (w == null ? "" : fmt(" (%.2f× %s)", m / w, v[2]));
      out.append(row("Start to first Code 0: " + v[1], measured, target, result));
    }
  }

  private static String row(String what, String measured, String target, String result) {
    return "| " + what + " | " + measured + " | " + target + " | " + result + " |\n";
  }

  private static String pass(boolean ok) {
    return ok ? "pass" : "**miss**";
  }

  private static String fmt(String f, Object... a) {
    return String.format(f, a);
  }

  private static Map<String, String> first(List<Map<String, String>> rows, Predicate<Map<String, String>> p) {
    return rows.stream().filter(p).findFirst().orElse(null);
  }

  private static List<Map<String, String>> all(List<Map<String, String>> rows, String kind, String key, String value) {
    return rows.stream().filter(r -> r.get("kind").equals(kind) && (key == null || value.equals(r.get(key)))).toList();
  }

  private static double median(List<Map<String, String>> rows, String key) {
    return Stats.median(rows.stream().map(r -> Double.parseDouble(r.get(key))).toList());
  }

  private static double sum(List<Map<String, String>> rows, String key) {
    return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(key))).sum();
  }
}
