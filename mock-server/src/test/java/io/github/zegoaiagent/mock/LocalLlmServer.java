package io.github.zegoaiagent.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real, local OpenAI-compatible Chat Completions endpoint for tests: it records every request
 * (headers and JSON body) and answers with a Server-Sent Events stream of the configured answer,
 * one chunk per word, the last content chunk with {@code finish_reason: "stop"}, then
 * {@code data: [DONE]}; or it fails on purpose ({@link Mode}).
 */
public final class LocalLlmServer implements AutoCloseable {
  /** How the next answers go wrong, or not. */
  public enum Mode {
    /** The documented stream. */
    OK,
    /** HTTP {@link #status} with a JSON error body. */
    STATUS,
    /** A data line that is not JSON. */
    MALFORMED,
    /** A stream without [DONE] (the connection just closes). */
    NO_DONE,
    /** The documented framing, no content. */
    EMPTY,
    /** Headers, one chunk, then silence until the test ends. */
    HANG,
    /** One line longer than any bound. */
    HUGE_LINE,
    /** The bytes set with {@link #raw(String)}, as they are. */
    RAW
  }

  /** One received request. */
  public record Received(Map<String, List<String>> headers, JsonNode body) {
    /** @param name header name @return its first value, or null */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile List<String> answers = List.of("Hello from the local LLM.");
  private volatile int next;
  private volatile Mode mode = Mode.OK;
  private volatile int status = 500;
  private volatile String raw = "";

  private LocalLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "local-llm");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/v1/chat/completions", ex -> {
      try {
        byte[] in = ex.getRequestBody().readAllBytes();
        received.add(new Received(Map.copyOf(ex.getRequestHeaders()), MAPPER.readTree(in)));
        Mode m = mode;
        if (m == Mode.STATUS) {
          byte[] b = "{\"error\":{\"message\":\"nope\"}}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(status, b.length);
          ex.getResponseBody().write(b);
          return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        String answer = nextAnswer();
        switch (m) {
          case MALFORMED -> send(out, "data: {not json\n\n");
          case EMPTY -> {
            send(out, "data: " + chunk("", "stop") + "\n\n");
            send(out, "data: [DONE]\n\n");
          }
          case HANG -> {
            send(out, "data: " + chunk("Hel", null) + "\n\n");
            awaitRelease();
          }
          case HUGE_LINE -> send(out, "data: " + "x".repeat(200_000) + "\n\n");
          case RAW -> send(out, raw);
          default -> {
            String[] words = answer.split("(?<= )");
            for (int i = 0; i < words.length; i++) {
              send(out, "data: " + chunk(words[i], i == words.length - 1 ? "stop" : null) + "\n\n");
            }
            if (m != Mode.NO_DONE) {
              send(out, "data: [DONE]\n\n");
            }
          }
        }
      } catch (IOException e) {
        // the mock hung up (deadline or bound): that is what some tests want
      } finally {
        ex.close();
      }
    });
    server.start();
  }

  /** @return a started server on a loopback port */
  public static LocalLlmServer start() {
    try {
      return new LocalLlmServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String chunk(String content, String finish) {
    var c = MAPPER.createObjectNode();
    c.put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
    var choice = c.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta").put("content", content);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return c.toString();
  }

  private static void send(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void awaitRelease() {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized String nextAnswer() {
    List<String> a = answers;
    return a.get(Math.min(next++, a.size() - 1));
  }

  /** @return the endpoint URL */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
  }

  /** @param answers the answers of the next requests, in order (the last one repeats) */
  public synchronized void answers(String... answers) {
    this.answers = List.of(answers);
    this.next = 0;
  }

  /** @param stream the exact stream to send (mode {@link Mode#RAW}) */
  public void raw(String stream) {
    this.raw = stream;
    this.mode = Mode.RAW;
  }

  /** @return a chunk carrying {@code content} (and {@code finish}, or null) */
  public static String chunkOf(String content, String finish) {
    return chunk(content, finish);
  }

  /** @param m how the next answers behave */
  public void mode(Mode m) {
    this.mode = m;
  }

  /** @param code HTTP status for {@link Mode#STATUS} */
  public void failWith(int code) {
    this.mode = Mode.STATUS;
    this.status = code;
  }

  /** @return requests received so far, oldest first */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Forgets received requests and returns to {@link Mode#OK}. */
  public void clear() {
    received.clear();
    mode = Mode.OK;
  }

  @Override
  public synchronized void close() {
    if (release.getCount() > 0) {
      release.countDown();
      server.stop(0);
    }
  }
}
