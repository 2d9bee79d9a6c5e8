package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from {@code ProcessBuilder.start()} of a fresh JVM to the first answer with Code 0 to
 * a signed {@code POST /?Action=ListAgents}, for every way of starting the mock and WireMock side
 * by side, the variants taking turns, several repetitions each (issue 26):
 *
 * <ul>
 *   <li>{@code mock}: {@code java -jar} the standalone jar, as a user types it;
 *   <li>{@code mock-cds}: the same with the build's class-data sharing archive
 *       ({@code -XX:SharedArchiveFile=zego-aiagent-mock-server.jsa}, ADR 0018);
 *   <li>{@code mock-embedded}: {@code MockServer.start} in a fresh JVM ({@link EmbeddedStartup});
 *   <li>{@code wiremock}, {@code wiremock-embedded}: WireMock standalone and in-process;
 *   <li>with a JDK 25 ({@code BENCH_JAVA25}): {@code mock-jdk25} plain, {@code mock-jdk25-autocds}
 *       ({@code -XX:+AutoCreateSharedArchive}, created by an unmeasured first run) and
 *       {@code mock-jdk25-aot} ({@code -XX:AOTCache}, created by the jar's training run).
 * </ul>
 *
 * <p>Per variant it prints the median wall time, the median CPU time the child had used when the
 * first answer arrived (from {@code /proc}: less sensitive to a busy machine than the wall time),
 * and, from one more run with {@code -Xlog:class+load}, how many classes it had loaded and how
 * many of them came from a CDS archive or AOT cache.
 *
 * <p>Usage: {@code StartupBench <mockJar> <wiremockJar> <wiremockRootDir> <reps> <port> <benchJar>
 * <workDir> [java25]}
 */
public final class StartupBench {

  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  private StartupBench() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String mockJar = args[0];
    int reps = Integer.parseInt(args[3]);
    String port = args[4];
    String benchJar = args[5];
    Path work = Path.of(args[6]);
    Files.createDirectories(work);
    String java25 = args.length > 7 && new File(args[7]).canExecute() ? args[7] : null;
    List<String> mockArgs = List.of("--port", port, "--app-id", Long.toString(APP_ID), "--server-secret", SECRET,
        "--qps-limit", "0");

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("mock", concat(List.of(java, "-jar", mockJar), mockArgs));
    File jsa = new File(mockJar.replaceFirst("\\.jar$", ".jsa"));
    if (jsa.isFile() && maps(java, jsa, mockJar)) {
      variants.put("mock-cds", concat(List.of(java, "-XX:SharedArchiveFile=" + jsa, "-jar", mockJar), mockArgs));
    } else {
      System.err.println("note: " + jsa + " is missing or was not made from " + mockJar
          + " by this JDK (a build with -Dcds.skip=true, or the jar rebuilt since): mock-cds not measured");
    }
    variants.put("mock-embedded", List.of(java, "-cp", benchJar, EmbeddedStartup.class.getName(), "mock", port));
    variants.put("wiremock", List.of(java, "-jar", args[1], "--port", port, "--root-dir", args[2], "--disable-banner"));
    variants.put("wiremock-embedded", List.of(java, "-cp", benchJar + File.pathSeparator + args[1],
        EmbeddedStartup.class.getName(), "wiremock", port, args[2]));
    if (java25 != null) {
      variants.put("mock-jdk25", concat(List.of(java25, "-jar", mockJar), mockArgs));
      variants.put("mock-jdk25-autocds", concat(List.of(java25, "-XX:+AutoCreateSharedArchive",
          "-XX:SharedArchiveFile=" + work.resolve("mock-jdk25.jsa"), "-jar", mockJar), mockArgs));
      Path aot = work.resolve("mock-jdk25.aot");
      Files.deleteIfExists(aot);
      int trained = new ProcessBuilder(java25, "-XX:AOTCacheOutput=" + aot, "-Xlog:disable", "-Xlog:all=error:stderr",
          "-cp", mockJar, "io.github.zegoaiagent.mock.internal.cli.CdsTraining")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      if (trained == 0 && Files.isRegularFile(aot)) {
        variants.put("mock-jdk25-aot", concat(List.of(java25, "-XX:AOTCache=" + aot, "-jar", mockJar), mockArgs));
      }
    }

    SignedRequests raw = new SignedRequests("http://127.0.0.1:" + port + "/", APP_ID, SECRET);
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    for (String v : variants.keySet()) {
      once(variants.get(v), raw); // unmeasured: file cache, and the JDK 25 auto-created archive
      wall.put(v, new ArrayList<>());
      cpu.put(v, new ArrayList<>());
    }
    for (int i = 0; i < reps; i++) {
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        double[] r = once(v.getValue(), raw);
        wall.get(v.getKey()).add(r[0]);
        cpu.get(v.getKey()).add(r[1]);
      }
    }
    for (Map.Entry<String, List<String>> v : variants.entrySet()) {
      Path log = work.resolve("classes-" + v.getKey() + ".log");
      Files.deleteIfExists(log);
      List<String> logged = new ArrayList<>(v.getValue());
      logged.add(1, "-Xlog:class+load=info:file=" + log);
      once(logged, raw);
      long loaded = 0;
      long shared = 0;
      for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        loaded++;
        if (l.contains("shared objects file") || l.contains("AOT cache")) {
          shared++;
        }
      }
      System.out.printf("RESULT startup server=%s median_ms=%.0f runs_ms=%s cpu_ms=%.0f cpu_runs_ms=%s classes=%d "
          + "classes_shared=%d%n", v.getKey(), Stats.median(wall.get(v.getKey())), Stats.list(wall.get(v.getKey())),
          Stats.median(cpu.get(v.getKey())), Stats.list(cpu.get(v.getKey())), loaded, shared);
    }
  }

  /** @return whether this JVM maps the archive for that jar (-Xshare:on refuses to start otherwise) */
  private static boolean maps(String java, File jsa, String jar) throws Exception {
    Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-cp", jar, "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor() == 0;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** @return wall milliseconds to the first Code 0, and the child's CPU milliseconds then (NaN if unknown) */
  private static double[] once(List<String> command, SignedRequests raw) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      while (true) {
        if (!p.isAlive()) {
          throw new IllegalStateException("exited with " + p.exitValue() + ": " + String.join(" ", command));
        }
        try {
          JsonNode answer = raw.call("ListAgents", body);
          if (answer.path("Code").asInt(-1) == 0) {
            double ms = (System.nanoTime() - t0) / 1e6;
            return new double[] {ms, cpuMillis(p.pid())};
          }
        } catch (ConnectException e) {
          // not listening yet
        } catch (IOException e) {
          // listening but not serving yet
        }
        Thread.sleep(2);
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
          throw new IllegalStateException("no answer within 120 s: " + String.join(" ", command));
        }
      }
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** @return user + system CPU of the process from /proc (Linux), in ms; NaN elsewhere */
  private static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // USER_HZ 100 on Linux
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
