package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time: from {@code ProcessBuilder.start()} of {@code java -jar} to the first answer with
 * Code 0 to a signed {@code POST /?Action=ListAgents}, for the mock and WireMock standalone,
 * alternating, several repetitions. Prints one {@code RESULT} line per server with the median.
 *
 * <p>Usage: {@code StartupBench <mockJar> <wiremockJar> <wiremockRootDir> <reps> <port>}
 */
public final class StartupBench {

  private static final long APP_ID = 1234567890L;
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private StartupBench() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    int reps = Integer.parseInt(args[3]);
    int port = Integer.parseInt(args[4]);
    List<String> mock = List.of(java, "-jar", args[0], "--port", Integer.toString(port),
        "--app-id", Long.toString(APP_ID), "--server-secret", SECRET, "--qps-limit", "0");
    List<String> wiremock = List.of(java, "-jar", args[1], "--port", Integer.toString(port),
        "--root-dir", args[2], "--disable-banner");
    SignedRequests raw = new SignedRequests("http://127.0.0.1:" + port + "/", APP_ID, SECRET);
    List<Double> m = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      m.add(once(mock, raw));
      w.add(once(wiremock, raw));
    }
    System.out.printf("RESULT startup server=mock median_ms=%.0f runs_ms=%s%n", Stats.median(m), Stats.list(m));
    System.out.printf("RESULT startup server=wiremock median_ms=%.0f runs_ms=%s%n", Stats.median(w), Stats.list(w));
  }

  private static double once(List<String> command, SignedRequests raw) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      while (true) {
        if (!p.isAlive()) {
          throw new IllegalStateException("server exited with " + p.exitValue() + ": " + command.get(2));
        }
        try {
          JsonNode answer = raw.call("ListAgents", body);
          if (answer.path("Code").asInt(-1) == 0) {
            return (System.nanoTime() - t0) / 1e6;
          }
        } catch (ConnectException e) {
          // not listening yet
        } catch (IOException e) {
          // listening but not serving yet
        }
        Thread.sleep(2);
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
          throw new IllegalStateException("no answer within 60 s: " + command.get(2));
        }
      }
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
