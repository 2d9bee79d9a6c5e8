package io.github.zegoaiagent.client.internal.transport;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt on the wire: its future and the means to end it early. {@link #abort} closes the
 * connection of an answer in progress (the body subscription is cancelled) and cancels the JDK's
 * exchange, so a deadline or a cancelled call never leaves a stalled reader behind. Internal.
 */
public final class Exchange {

  private final long cap;
  private final Duration deadline;
  private final long deadlineNanos;
  private volatile BoundedBody body;
  private volatile TransportFailure aborted;
  private volatile CompletableFuture<HttpResponse<byte[]>> http;

  Exchange(long cap, Duration deadline) {
    this.cap = cap;
    this.deadline = deadline;
    this.deadlineNanos = System.nanoTime() + deadline.toNanos();
  }

  /** @return {@link System#nanoTime()} at which the attempt times out */
  long deadlineNanos() {
    return deadlineNanos;
  }

  /** The attempt is over: stop watching its deadline. */
  public void finished() {
    Deadlines.done(this);
  }

  HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info) {
    BoundedBody b = new BoundedBody(cap, info.statusCode(),
        info.headers().firstValueAsLong("content-length").orElse(-1));
    body = b;
    TransportFailure a = aborted;
    if (a != null) {
      b.abort(a);
    }
    return b;
  }

  void started(CompletableFuture<HttpResponse<byte[]>> future) {
    http = future;
    if (aborted != null) {
      future.cancel(true);
    }
  }

  void watchDeadline() {
    Deadlines.watch(this);
  }

  /** @return the attempt's deadline */
  public Duration deadline() {
    return deadline;
  }

  /** @return the JDK's future of the complete answer */
  public CompletableFuture<HttpResponse<byte[]>> future() {
    return http;
  }

  /** Ends the attempt with a timeout (the deadline passed). */
  public void timeOut() {
    abort(TransportFailure.timeout(deadline));
  }

  /** Ends the attempt because the call was cancelled or interrupted. */
  public void cancel() {
    abort(new TransportFailure(io.github.zegoaiagent.client.error.ZegoTransportException.Reason.IO, 0,
        "the call was cancelled", null));
  }

  void abort(TransportFailure failure) {
    if (aborted != null) {
      return;
    }
    aborted = failure;
    BoundedBody b = body;
    if (b != null) {
      b.abort(failure);
    }
    CompletableFuture<HttpResponse<byte[]>> f = http;
    if (f != null) {
      f.cancel(true);
    }
  }

  /**
   * @param t what the attempt's future failed with
   * @return the failure, preferring the reason of an abort
   */
  public TransportFailure failure(Throwable t) {
    TransportFailure a = aborted;
    return a != null ? a : TransportFailure.classify(t, deadline);
  }
}
