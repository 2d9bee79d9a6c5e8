package io.github.zegoaiagent.cli;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One HTTP exchange with one deadline over all of it (connect, headers and the whole body:
 * {@code java.net.http}'s own timeout covers the headers only) and a bound on the answer's size.
 * Failures become a {@link NoAnswer} whose message says what to check.
 */
final class Wire {
  /** Largest answer read (the API's envelopes are small; a page of HTML is cut). */
  static final int MAX_ANSWER_BYTES = 8 << 20;
  private static final String USER_AGENT = "zego-aiagent-cli/" + Main.version();

  private Wire() {
  }

  /**
   * What came back.
   *
   * @param status HTTP status
   * @param contentType the Content-Type header, or empty
   * @param body the body (at most {@link #MAX_ANSWER_BYTES})
   * @param millis how long the exchange took
   */
  record Answer(int status, String contentType, byte[] body, long millis) { }

  /** No answer: the message names the cause and what to check. */
  static final class NoAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
      super(message);
    }
  }

  /**
   * @param method GET or POST
   * @param url where
   * @param body the body for POST, or null
   * @param timeout the deadline of the whole exchange
   * @return the answer
   * @throws NoAnswer when none arrives complete within the deadline
   */
  static Answer exchange(String method, URI url, byte[] body, Duration timeout) throws NoAnswer {
    long started = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT);
    if (body != null) {
      req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      req.GET();
    }
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(req.build(), info -> new Bounded());
    String where = Text.clip(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
    try {
      HttpResponse<byte[]> res = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new NoAnswer("no complete answer from " + where + " within " + timeout.toMillis()
          + " ms (--timeout); is it the API, and is it up?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswer("interrupted while waiting for " + where);
    } catch (ExecutionException e) {
      throw new NoAnswer(cause(e.getCause(), where, url, timeout));
    }
  }

  private static String cause(Throwable t, String where, URI url, Duration timeout) {
    if (has(t, TooLarge.class)) {
      return "the answer from " + where + " is longer than " + MAX_ANSWER_BYTES + " bytes: not the API";
    }
    if (has(t, HttpTimeoutException.class)) {
      return "no answer from " + where + " within " + timeout.toMillis() + " ms (--timeout)";
    }
    if (has(t, UnknownHostException.class) || has(t, java.nio.channels.UnresolvedAddressException.class)) {
      return "unknown host " + Text.clip(url.getHost()) + ": check --endpoint / ZEGO_ENDPOINT or --region";
    }
    if (has(t, SSLException.class)) {
      return "TLS failed with " + where + ": " + Text.clip(find(t, SSLException.class).getMessage())
          + " (an http:// server spoken to with https://?)";
    }
    if (has(t, ConnectException.class)) {
      return "cannot connect to " + where + " (connection refused): " + (loopback(url)
          ? "is the mock running there? Start it: java -jar mock-server/target/zego-aiagent-mock-server.jar"
          : "check the endpoint and your network");
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "no answer from " + where + ": " + root.getClass().getSimpleName()
        + (root.getMessage() != null ? " " + Text.clip(root.getMessage()) : "");
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  private static Throwable find(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return c;
      }
    }
    return null;
  }

  /** @return whether the URL's host is this machine (where a mock would run) */
  static boolean loopback(URI url) {
    String h = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }

  private static final class TooLarge extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("answer too large");
    }
  }

  /** Collects the body up to {@link #MAX_ANSWER_BYTES}, then cancels the stream. */
  private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (bytes.size() + b.remaining() > MAX_ANSWER_BYTES) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
