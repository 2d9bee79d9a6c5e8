package io.github.zegoaiagent.mock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.internal.callback.CallbackSigner;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP receiver for the mock's callbacks: checks each one's signature with the
 * callback secret (a wrong one is answered 401 and counted, not kept), answers 200, and keeps the
 * verified events in arrival order (at most 10,000). Thread-safe.
 */
public final class CallbackSink implements AutoCloseable {
  private static final int MAX_EVENTS = 10_000;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String secret;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<JsonNode> events = new ArrayList<>();
  private int rejected;

  /** @param secret the callback secret the mock signs with */
  public CallbackSink(String secret) {
    this.secret = secret;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the callback sink", e);
    }
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "zego-mock-callback-sink");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      int status;
      try {
        JsonNode e = mapper.readTree(ex.getRequestBody().readNBytes(1 << 20));
        String ts = e.path("Timestamp").asText();
        String nonce = e.path("Nonce").asText();
        String sig = e.path("Signature").asText();
        boolean ok = Signatures.constantTimeEquals(CallbackSigner.sign(secret, ts, nonce), sig);
        synchronized (this) {
          if (!ok) {
            rejected++;
          } else if (events.size() < MAX_EVENTS) {
            events.add(e);
          }
          notifyAll();
        }
        status = ok ? 200 : 401;
      } catch (IOException | RuntimeException bad) {
        synchronized (this) {
          rejected++;
        }
        status = 400;
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  /** @return where the mock should deliver */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
  }

  /** @return verified events so far, in arrival order (signature fields included) */
  public synchronized List<JsonNode> events() {
    List<JsonNode> out = new ArrayList<>();
    events.forEach(e -> out.add(e.deepCopy()));
    return out;
  }

  /** @return callbacks refused for a wrong signature or a body that is not JSON */
  public synchronized int rejected() {
    return rejected;
  }

  /**
   * Waits (wall clock) until a verified event with this {@code Event} name has arrived.
   *
   * @param event for example {@code AgentInstanceCreated}
   * @param timeout how long to wait at most
   * @return the first such event
   * @throws AssertionError when none came in time
   */
  public synchronized JsonNode await(String event, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (JsonNode e : events) {
        if (event.equals(e.path("Event").asText())) {
          return e.deepCopy();
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + event + " callback within " + timeout + "; received "
            + events.stream().map(e -> e.path("Event").asText()).toList());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + event);
      }
    }
  }

  /** Forgets received events and the rejected count. */
  public synchronized void clear() {
    events.clear();
    rejected = 0;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "CallbackSink[" + url() + "]"; // never the secret
  }
}
