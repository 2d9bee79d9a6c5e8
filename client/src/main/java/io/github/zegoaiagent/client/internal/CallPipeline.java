package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder.Decoded;
import io.github.zegoaiagent.client.internal.transport.Exchange;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.client.internal.transport.TransportFailure;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The per-call pipeline: validate the body once, encode it once, then per attempt sign, send
 * (one deadline for the whole exchange), decode, report to the listeners, and retry as the
 * {@link RetryPolicy} allows. Sync calls wait on the calling thread (backoff with the client's
 * sleeper); async calls never block (backoff on a shared timer thread). One per
 * client and per set of call options; immutable. Internal.
 */
public final class CallPipeline implements Caller {

  private final ClientCore core;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;

  /**
   * @param core what all calls share
   * @param timeout deadline of each attempt
   * @param retryPolicy when to retry
   */
  public CallPipeline(ClientCore core, Duration timeout, RetryPolicy retryPolicy) {
    this.core = core;
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
  }

  /**
   * @param timeout a new deadline, or null to keep this one
   * @param policy a new policy, or null to keep this one
   * @return a pipeline sharing everything else
   */
  public CallPipeline with(Duration timeout, RetryPolicy policy) {
    return new CallPipeline(core, timeout == null ? this.timeout : timeout, policy == null ? retryPolicy : policy);
  }

  /** @return the deadline of each attempt */
  public Duration timeout() {
    return timeout;
  }

  /** @return the retry policy */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  private byte[] prepare(ActionSpec<?, ?> spec, Object request) {
    try {
      if (core.validator != null) {
        core.validator.validate(spec.action(), request);
      } else if (request == null) {
        throw new IllegalArgumentException(spec.action() + ": the request body is required");
      }
    } catch (ZegoException e) {
      core.listeners.failure(spec.action(), 0, 0, e, false);
      throw e;
    }
    return core.codec.encode(request);
  }

  @Override
  public <Q, R> R call(ActionSpec<Q, R> spec, Q request) {
    byte[] body = prepare(spec, request);
    String action = spec.action();
    for (int attempt = 1; ; attempt++) {
      core.listeners.attempt(action, attempt);
      long start = System.nanoTime();
      ZegoException failure;
      boolean retry;
      try {
        Answer answer = core.transport.send(core.signedUri(action), body, timeout);
        Decoded<R> decoded = core.codec.decode(action, spec.responseType(), answer.status(), answer.body());
        core.listeners.success(action, attempt, start, decoded.requestId());
        return decoded.value();
      } catch (TransportFailure f) {
        failure = f.toException(action, core.peer(), attempt);
      } catch (ZegoException e) {
        failure = e;
      }
      retry = attempt < retryPolicy.maxAttempts() && retryPolicy.isRetryable(failure);
      core.listeners.failure(action, attempt, start, failure, retry);
      if (!retry) {
        throw failure;
      }
      try {
        core.sleeper.sleep(retryPolicy.backoff(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }

  @Override
  public <Q, R> CompletableFuture<R> callAsync(ActionSpec<Q, R> spec, Q request) {
    byte[] body;
    try {
      body = prepare(spec, request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    AsyncCall<R> call = new AsyncCall<>(spec.action(), spec.responseType(), body);
    call.attempt(1);
    return call.promise;
  }

  /** One async call: its promise, the attempt in flight, the pending backoff. */
  private final class AsyncCall<R> {
    final CompletableFuture<R> promise = new CompletableFuture<>();
    private final String action;
    private final Class<R> type;
    private final byte[] body;
    private volatile Exchange current;
    private volatile ScheduledFuture<?> pending;

    AsyncCall(String action, Class<R> type, byte[] body) {
      this.action = action;
      this.type = type;
      this.body = body;
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

    void attempt(int attempt) {
      if (promise.isDone()) {
        return;
      }
      core.listeners.attempt(action, attempt);
      long start = System.nanoTime();
      Exchange exchange;
      try {
        exchange = core.transport.start(core.signedUri(action), body, timeout);
      } catch (RuntimeException e) {
        promise.completeExceptionally(e);
        return;
      }
      current = exchange;
      if (promise.isDone()) { // cancelled while starting
        exchange.cancel();
      }
      exchange.future().whenComplete((response, error) -> {
        exchange.finished();
        ZegoException failure;
        boolean retry;
        if (error == null) {
          try {
            Decoded<R> decoded = core.codec.decode(action, type, response.statusCode(), response.body());
            core.listeners.success(action, attempt, start, decoded.requestId());
            promise.complete(decoded.value());
            return;
          } catch (ZegoException e) {
            failure = e;
          } catch (RuntimeException e) {
            promise.completeExceptionally(e);
            return;
          }
        } else {
          TransportFailure f = exchange.failure(error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error);
          failure = f.toException(action, core.peer(), attempt);
        }
        retry = attempt < retryPolicy.maxAttempts() && retryPolicy.isRetryable(failure) && !promise.isDone();
        core.listeners.failure(action, attempt, start, failure, retry);
        if (!retry) {
          promise.completeExceptionally(failure);
          return;
        }
        pending = ClientCore.Timer.INSTANCE.schedule(() -> attempt(attempt + 1),
            retryPolicy.backoff(attempt).toNanos(), TimeUnit.NANOSECONDS);
      });
    }
  }
}
