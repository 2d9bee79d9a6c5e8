package io.github.zegoaiagent.mock;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test-side relay between the proxy and its upstream that keeps every byte it passed on: the
 * request's target and body as the upstream received them, and the answer's bytes as the upstream
 * sent them. What the proxy's client sent and got can then be compared with what crossed the wire
 * on the other side.
 */
final class RecordingRelay implements AutoCloseable {
  /** One exchange as it crossed the relay. */
  record Crossing(String method, String target, String contentType, byte[] body, int status, String answerType,
      byte[] answer) { }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Crossing> crossings = new ArrayList<>();
  private volatile URI upstream;

  RecordingRelay() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      try {
        byte[] body = ex.getRequestBody().readAllBytes();
        String target = ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/$", "") + target))
            .header("Content-Type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")))
            .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("content-type").orElse(null);
        synchronized (this) {
          crossings.add(new Crossing(ex.getRequestMethod(), target, ex.getRequestHeaders().getFirst("Content-Type"),
              body, r.statusCode(), type, r.body()));
        }
        if (type != null) {
          ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
        ex.getResponseBody().write(r.body());
      } catch (IOException | InterruptedException e) {
        ex.sendResponseHeaders(599, -1);
      } finally {
        ex.close();
      }
    });
    server.start();
  }

  /** @param upstream where the relay forwards @return this */
  RecordingRelay to(URI upstream) {
    this.upstream = upstream;
    return this;
  }

  /** @return the relay's own base URL */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** @return every exchange so far, in order */
  synchronized List<Crossing> crossings() {
    return List.copyOf(crossings);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
