package io.github.zegoaiagent.client.internal.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

  /** The answer of one attempt: status and the complete body. */
  public record Answer(int status, byte[] body) { }

  /**
   * Starts one attempt.
   *
   * @param uri the signed URL
   * @param body the JSON body
   * @param deadline the attempt's deadline
   * @return the exchange in flight
   */
  public Exchange start(URI uri, byte[] body, Duration deadline) {
    Exchange exchange = new Exchange(maxAnswerBytes, deadline);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(deadline) // the JDK ends a wait for headers itself; the body is bounded by the deadline below
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = http.sendAsync(request, exchange::subscriber);
    } catch (RuntimeException e) { // e.g. IllegalArgumentException for a URI the JDK client refuses
      future = CompletableFuture.failedFuture(e);
    }
    exchange.started(future);
    return exchange;
  }

  /**
   * Runs one attempt on the calling thread, waiting at most until its deadline.
   *
   * @param uri the signed URL
   * @param body the JSON body
   * @param deadline the attempt's deadline
   * @return the answer
   * @throws TransportFailure when there is no complete answer
   */
  public Answer send(URI uri, byte[] body, Duration deadline) throws TransportFailure {
    Exchange exchange = start(uri, body, deadline);
    try {
      HttpResponse<byte[]> r = exchange.future().get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      return new Answer(r.statusCode(), r.body());
    } catch (TimeoutException e) {
      exchange.timeOut();
      throw exchange.failure(e);
    } catch (InterruptedException e) {
      exchange.cancel();
      Thread.currentThread().interrupt();
      throw TransportFailure.interrupted(e);
    } catch (ExecutionException e) {
      throw exchange.failure(e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      throw exchange.failure(e);
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
