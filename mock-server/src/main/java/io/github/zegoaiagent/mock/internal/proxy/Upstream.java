package io.github.zegoaiagent.mock.internal.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The proxy's outbound HTTP/1.1 exchanges ({@code java.net.http}, which the mock already uses for
 * LLM forwarding): the request's method, target, headers and body bytes as received (hop-by-hop
 * headers, Host, Content-Length and Accept-Encoding aside), one deadline over the whole exchange
 * (connect, headers and the entire body: {@code java.net.http}'s own timeouts stop at the
 * headers), the answer read into a buffer bounded by its cap (a larger Content-Length is refused
 * before a byte is read), redirects never followed, nothing retried. No thread waits for the
 * upstream. Thread-safe.
 */
final class Upstream implements AutoCloseable {
  /** Request headers never forwarded: hop-by-hop, set by the HTTP client, or changing the answer's encoding. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
      "accept-encoding", "http2-settings");
  /** Answer headers never passed back: hop-by-hop or the front's own. */
  private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "content-length", ":status");

  /** How an exchange ended. */
  enum Outcome {
    /** A complete answer within the deadline and the cap. */
    ANSWERED,
    /** No complete answer within the deadline. */
    SLOW,
    /** The connection ended before the answer was complete. */
    CLOSED,
    /** The answer is larger than the cap. */
    TOO_LARGE,
    /** The upstream could not be reached. */
    UNREACHABLE
  }

  /**
   * @param outcome how it ended
   * @param status HTTP status (0 unless answered)
   * @param headers answer headers to pass back (lower-case names)
   * @param body the answer's bytes (empty unless answered)
   * @param problem what went wrong, for people (no secret: never the query)
   */
  record Result(Outcome outcome, int status, Map<String, String> headers, byte[] body, String problem) {
    static Result failed(Outcome outcome, String problem) {
      return new Result(outcome, 0, Map.of(), new byte[0], problem);
    }
  }

  private final HttpClient http;
  private final ScheduledThreadPoolExecutor deadlines;
  private final int maxAnswerBytes;

  /**
   * @param maxAnswerBytes largest answer accepted
   * @param executor runs the HTTP client's completions (and what callers chain on them)
   */
  Upstream(int maxAnswerBytes, Executor executor) {
    this.maxAnswerBytes = maxAnswerBytes;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "zego-mock-proxy-deadline");
      t.setDaemon(true);
      return t;
    });
    deadlines.setRemoveOnCancelPolicy(true); // an answered exchange drops its deadline task at once
  }

  /**
   * @param target absolute URI to send to
   * @param method HTTP method
   * @param headers the request's headers as received
   * @param body the request's body
   * @param timeout deadline of the whole exchange
   * @return the result; never completes exceptionally
   */
  CompletableFuture<Result> send(URI target, String method, List<Map.Entry<String, String>> headers, byte[] body,
      Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout)
        .method(method, body.length == 0 && ("GET".equals(method) || "HEAD".equals(method))
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> h : headers) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        try {
          b.header(h.getKey(), h.getValue());
        } catch (IllegalArgumentException restricted) {
          // a header java.net.http sets itself (e.g. Date): the upstream gets the client's own
        }
      }
    }
    CompletableFuture<Result> result = new CompletableFuture<>();
    Bounded[] reading = new Bounded[1];
    AtomicBoolean headed = new AtomicBoolean();
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = http.sendAsync(b.build(), info -> {
        headed.set(true);
        long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
        Bounded r = new Bounded(maxAnswerBytes, announced);
        reading[0] = r;
        return r;
      });
    } catch (RuntimeException e) {
      result.complete(Result.failed(Outcome.UNREACHABLE, "cannot send: " + e.getClass().getSimpleName()));
      return result;
    }
    long millis = timeout.toMillis();
    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
      if (result.complete(Result.failed(Outcome.SLOW, "no complete answer within " + millis + " ms"))) {
        Bounded r = reading[0];
        if (r != null) {
          r.cancel();
        }
        exchange.cancel(true);
      }
    }, millis, TimeUnit.MILLISECONDS);
    exchange.whenComplete((resp, err) -> {
      deadline.cancel(false);
      result.complete(judge(resp, err, headed.get(), millis));
    });
    return result;
  }

  private static Result judge(HttpResponse<byte[]> resp, Throwable err, boolean headed, long millis) {
    if (err == null) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      resp.headers().map().forEach((k, v) -> {
        if (!NOT_RETURNED.contains(k.toLowerCase(Locale.ROOT))) {
          headers.put(k, String.join(", ", v));
        }
      });
      return new Result(Outcome.ANSWERED, resp.statusCode(), headers, resp.body(), null);
    }
    Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (c instanceof TooLarge t) {
      return Result.failed(Outcome.TOO_LARGE, t.getMessage());
    }
    if (c instanceof HttpConnectTimeoutException || c instanceof java.net.http.HttpTimeoutException) {
      return Result.failed(Outcome.SLOW, "no complete answer within " + millis + " ms");
    }
    if (!headed && (c instanceof ConnectException || c instanceof UnresolvedAddressException
        || c.getCause() instanceof ConnectException || c.getCause() instanceof UnresolvedAddressException)) {
      return Result.failed(Outcome.UNREACHABLE, "cannot connect (" + c.getClass().getSimpleName() + ")");
    }
    return Result.failed(Outcome.CLOSED, (headed ? "the connection ended during the answer body"
        : "the connection ended before an answer") + " (" + c.getClass().getSimpleName() + ")");
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
  }

  /** Refusal of an answer over the cap. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null);
    }
  }

  /** Collects the answer's bytes up to the cap; past it, cancels (closing the connection). */
  private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final int cap;
    private final long announced;
    private final List<ByteBuffer> parts = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private long size;

    Bounded(int cap, long announced) {
      this.cap = cap;
      this.announced = announced;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (announced > cap) {
        s.cancel();
        body.completeExceptionally(new TooLarge("the answer announces " + announced + " bytes, more than "
            + cap + " (--proxy-max-answer-bytes)"));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return; // refused or cancelled: the rest is dropped
      }
      for (ByteBuffer b : items) {
        size += b.remaining();
        if (size > cap) {
          subscription.cancel();
          parts.clear();
          body.completeExceptionally(new TooLarge("the answer is longer than " + cap
              + " bytes (--proxy-max-answer-bytes)"));
          return;
        }
        parts.add(b);
      }
    }

    @Override
    public void onError(Throwable t) {
      parts.clear();
      body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (body.isDone()) {
        return;
      }
      byte[] out = new byte[(int) size];
      int at = 0;
      for (ByteBuffer b : parts) {
        int n = b.remaining();
        b.get(out, at, n);
        at += n;
      }
      parts.clear();
      body.complete(out);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      body.completeExceptionally(new IOException("cancelled at the deadline"));
    }
  }
}
