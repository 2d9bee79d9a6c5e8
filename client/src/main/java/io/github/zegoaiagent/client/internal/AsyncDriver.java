package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.internal.transport.Exchange;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Attempts that never block a thread: {@code HttpClient.sendAsync} and a shared timer between
 * attempts. One per async call: cancelling the call's promise aborts the exchange in flight
 * (the connection is closed) and the pending backoff. Internal.
 */
final class AsyncDriver implements Driver {

  private final ClientCore core;
  private final CompletableFuture<?> promise;
  private volatile Exchange current;
  private volatile ScheduledFuture<?> pending;

  AsyncDriver(ClientCore core, CompletableFuture<?> promise) {
    this.core = core;
    this.promise = promise;
    promise.whenComplete((r, t) -> {
      if (t instanceof CancellationException) { // the caller cancelled: abort whatever is in flight
        ScheduledFuture<?> p = pending;
        if (p != null) {
          p.cancel(false);
        }
        Exchange e = current;
        if (e != null) {
          e.cancel();
        }
      }
    });
  }

  @Override
  public CompletableFuture<Answer> send(URI uri, byte[] body, Duration timeout) {
    Exchange exchange;
    try {
      exchange = core.transport.start(uri, body, timeout);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    current = exchange;
    if (promise.isDone()) { // cancelled while starting
      exchange.cancel();
    }
    return exchange.future().handle((response, error) -> {
      exchange.finished();
      if (error != null) {
        throw new CompletionException(exchange.failure(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error));
      }
      return Answer.of(response);
    });
  }

  @Override
  public CompletableFuture<Void> pause(Duration delay) {
    CompletableFuture<Void> resume = new CompletableFuture<>();
    pending = ClientCore.Timer.INSTANCE.schedule(() -> resume.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
    return resume;
  }

  @Override
  public boolean cancelled() {
    return promise.isDone();
  }
}
