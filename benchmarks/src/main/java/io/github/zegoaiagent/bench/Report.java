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

    List<Map<String, String>> mock = all(rows, "throughput", "server", "mock");
    List<Map<String, String>> wire = all(rows, "throughput", "server", "wiremock");
    if (!mock.isEmpty() && !wire.isEmpty()) {
      double mRps = median(mock, "rps");
      double wRps = median(wire, "rps");
      double mP99 = median(mock, "p99_ms");
      out.append(row("Mock: signed SendAgentInstanceTTS, 32 conns", fmt("%.0f req/s, p50 %.2f ms, p99 %.2f ms (%d runs, %d bad answers, %d socket errors)",
          mRps, median(mock, "p50_ms"), mP99, mock.size(), (long) sum(mock, "bad_answers"), (long) sum(mock, "socket_errors")), "", ""));
      out.append(row("WireMock 3.13.2 static stub, same requests", fmt("%.0f req/s, p50 %.2f ms, p99 %.2f ms (%d runs, %d bad answers, %d socket errors)",
          wRps, median(wire, "p50_ms"), median(wire, "p99_ms"), wire.size(), (long) sum(wire, "bad_answers"), (long) sum(wire, "socket_errors")), "", ""));
      out.append(row("Mock / WireMock throughput", fmt("%.1f×", mRps / wRps), "≥ 10×", pass(mRps / wRps >= 10)));
      out.append(row("Mock p99 latency", fmt("%.2f ms", mP99), "≤ 10 ms", pass(mP99 <= 10)));
    }
    Map<String, String> sm = first(rows, r -> r.get("kind").equals("startup") && "mock".equals(r.get("server")));
    Map<String, String> sw = first(rows, r -> r.get("kind").equals("startup") && "wiremock".equals(r.get("server")));
    if (sm != null && sw != null) {
      double m = Double.parseDouble(sm.get("median_ms"));
      double w = Double.parseDouble(sw.get("median_ms"));
      out.append(row("Startup to first Code 0: mock", fmt("%.0f ms (runs %s)", m, sm.get("runs_ms")), "≤ 1000 ms and < WireMock", pass(m <= 1000 && m < w)));
      out.append(row("Startup to first Code 0: WireMock", fmt("%.0f ms (runs %s)", w, sw.get("runs_ms")), "", ""));
    }
    double jmhSum = 0;
    for (Map<String, String> j : all(rows, "jmh", null, null)) {
      double us = Double.parseDouble(j.get("us_per_op"));
      jmhSum += us;
      out.append(row("Client JMH " + j.get("bench"), fmt("%.2f µs/op (± %s)", us, j.get("error_us")), "", ""));
    }
    if (jmhSum > 0) {
      out.append(row("Client JMH sign + validate + encode + decode", fmt("%.1f µs/call", jmhSum), "≤ 20 µs", pass(jmhSum <= 20)));
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
    System.out.print(out);
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
