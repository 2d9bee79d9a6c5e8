package io.github.zegoaiagent.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares a wrk run: creates a live instance on the mock (or, for WireMock, uses a fixed id),
 * writes {@code body.json} (a SendAgentInstanceTTS body) and {@code paths.txt} (distinct validly
 * signed request paths, stamped now, each with a fresh nonce), because wrk's Lua cannot compute
 * MD5 cheaply.
 *
 * <p>Usage: {@code LoadPrep <baseUrl> <appId> <secret> <count> <outDir> <mock|static>}
 */
public final class LoadPrep {

  private LoadPrep() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws IOException, InterruptedException {
    SignedRequests raw = new SignedRequests(args[0], Long.parseLong(args[1]), args[2]);
    int count = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    Files.createDirectories(out);
    awaitReady(raw);
    String instanceId = "mock".equals(args[5]) ? raw.liveInstance("bench_agent") : "static_instance";
    Files.writeString(out.resolve("body.json"), SignedRequests.ttsBody(instanceId));
    long now = System.currentTimeMillis() / 1000;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("paths.txt"), StandardCharsets.US_ASCII))) {
      for (int i = 0; i < count; i++) {
        w.println(raw.signedPath("SendAgentInstanceTTS", now));
      }
    }
    System.out.println("instance=" + instanceId + " paths=" + count);
  }

  /** Waits (at most 60 s) until the server answers a signed ListAgents with Code 0. */
  static void awaitReady(SignedRequests raw) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        if (raw.call("ListAgents", "{}".getBytes(StandardCharsets.UTF_8)).path("Code").asInt(-1) == 0) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server did not answer ListAgents with Code 0 within 60 s");
      }
      Thread.sleep(20);
    }
  }
}
