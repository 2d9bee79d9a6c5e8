package io.github.zegoaiagent.client.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The client's HTTP transport: one {@code POST} per attempt on a JDK {@link HttpClient}, with one
 * deadline covering connect, send and the complete answer body, and a cap on the answer's size.
 * The JDK's own request timeout covers only the response headers; the deadline here also ends a
 * body that stalls or dribbles. Internal.
 */
public final class HttpTransport {

  private final HttpClient http;
  private final boolean owned;
  private final long maxAnswerBytes;
  private final String userAgent;

  /**
   * @param http the JDK client
   * @param owned true when this transport built it (and so closes it)
   * @param maxAnswerBytes the cap of an answer body
   * @param userAgent the User-Agent header
   */
  public HttpTransport(HttpClient http, boolean owned, long maxAnswerBytes, String userAgent) {
    this.http = http;
    this.owned = owned;
    this.maxAnswerBytes = maxAnswerBytes;
    this.userAgent = userAgent;
  }

  /**
   * The answer of one attempt.
   *
   * @param status the HTTP status
   * @param headers the headers
   * @param body the complete body
   */
  public record Answer(int status, HttpHeaders headers, byte[] body) {

    /**
     * @param response a complete JDK answer
     * @return it as an answer
     */
    public static Answer of(HttpResponse<byte[]> response) {
      return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** @return the Content-Type, or {@code no Content-Type} */
    public String contentType() {
      return headers.firstValue("content-type").orElse("no Content-Type");
    }
  }

  private HttpRequest request(URI uri, byte[] body, Duration deadline) {
    return HttpRequest.newBuilder(uri)
        .timeout(deadline) // the JDK ends a wait for headers itself; Deadlines also ends the body
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /**
   * Starts one attempt without blocking. The caller must call {@link Exchange#finished()} when its
   * future completes.
   *
   * @param uri the signed URL
   * @param body the JSON body
   * @param deadline the attempt's deadline
   * @return the exchange in flight
   */
  public Exchange start(URI uri, byte[] body, Duration deadline) {
    Exchange exchange = new Exchange(maxAnswerBytes, deadline);
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      HttpRequest request = request(uri, body, deadline);
      exchange.watchDeadline();
      future = http.sendAsync(request, exchange::subscriber);
    } catch (RuntimeException e) { // e.g. IllegalArgumentException for a URI the JDK client refuses
      future = CompletableFuture.failedFuture(e);
    }
    exchange.started(future);
    return exchange;
  }

  /**
   * Runs one attempt on the calling thread ({@code HttpClient.send}: no hand-off to another
   * thread for the answer), ending at its deadline.
   *
   * @param uri the signed URL
   * @param body the JSON body
   * @param deadline the attempt's deadline
   * @return the answer
   * @throws TransportFailure when there is no complete answer
   */
  public Answer send(URI uri, byte[] body, Duration deadline) throws TransportFailure {
    Exchange exchange = new Exchange(maxAnswerBytes, deadline);
    try {
      HttpRequest request = request(uri, body, deadline);
      exchange.watchDeadline();
      HttpResponse<byte[]> r = http.send(request, exchange::subscriber);
      return Answer.of(r);
    } catch (InterruptedException e) {
      exchange.cancel();
      Thread.currentThread().interrupt();
      throw TransportFailure.interrupted(e);
    } catch (IOException | RuntimeException e) {
      throw exchange.failure(e);
    } finally {
      exchange.finished();
    }
  }

  /** Closes the JDK client when this transport built it (JDK 21+ can close one; 17 cannot). */
  public void close() {
    if (owned && ((Object) http) instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Nothing left to release.
      }
    }
  }
}
