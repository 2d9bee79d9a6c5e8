package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.core.RawAnswer;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.internal.codec.Attempt;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder.Decoded;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.client.internal.transport.TransportFailure;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.sign.SignedParameters;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The per-call pipeline: validate the body once, encode it once, then per attempt sign, send
 * (one deadline for the whole exchange), decode, report to the listeners, and retry as the
 * {@link RetryPolicy} allows. One attempt loop ({@link #attempts}) serves every face; a
 * {@link Driver} decides how an attempt reaches the wire and how the wait before the next one
 * passes: on the calling thread for sync calls ({@link SyncDriver}: {@code HttpClient.send}, the
 * client's sleeper), without blocking for async ones ({@link AsyncDriver}: {@code sendAsync}, a
 * timer). One per client and per set of call options; immutable. Internal.
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
    return callRaw(spec, request).value();
  }

  @Override
  public <Q, R> RawAnswer<R> callRaw(ActionSpec<Q, R> spec, Q request) {
    Call<R> call = new Call<>(spec, prepare(spec, request), new SyncDriver(core, core.sleeper));
    try {
      return attempts(call, 1).join(); // complete already: a sync driver never leaves the calling thread
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public <Q, R> CompletableFuture<R> callAsync(ActionSpec<Q, R> spec, Q request) {
    return start(spec, request, RawAnswer::value);
  }

  @Override
  public <Q, R> CompletableFuture<RawAnswer<R>> callRawAsync(ActionSpec<Q, R> spec, Q request) {
    return start(spec, request, Function.identity());
  }

  /** Starts an async call; the returned promise, when cancelled, aborts the exchange and any pending retry. */
  private <Q, R, T> CompletableFuture<T> start(ActionSpec<Q, R> spec, Q request, Function<RawAnswer<R>, T> result) {
    byte[] body;
    try {
      body = prepare(spec, request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> promise = new CompletableFuture<>();
    AsyncDriver driver = new AsyncDriver(core, promise);
    CompletableFuture<RawAnswer<R>> run;
    try {
      run = attempts(new Call<>(spec, body, driver), 1);
    } catch (RuntimeException e) {
      run = CompletableFuture.failedFuture(e);
    }
    run.whenComplete((answer, error) -> {
      if (error != null) {
        promise.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
      } else {
        promise.complete(result.apply(answer));
      }
    });
    return promise;
  }

  /** One call: its action, encoded body and driver. */
  private record Call<R>(ActionSpec<?, R> spec, byte[] body, Driver driver) { }

  /** How an attempt ended: the answer, or the failure and whether another attempt follows. */
  private record Outcome<R>(RawAnswer<R> answer, ZegoException failure, boolean retry) {

    /** @return the call's result when no attempt follows */
    CompletableFuture<RawAnswer<R>> result() {
      return answer != null ? CompletableFuture.completedFuture(answer) : CompletableFuture.failedFuture(failure);
    }
  }

  /**
   * The attempt loop of every call, sync and async, from attempt {@code first} on. Attempts whose
   * outcome (and backoff) is already complete, as every sync one is, are iterated here, so a long
   * retry sequence never deepens the stack; an attempt still in flight continues the loop when it
   * completes.
   */
  private <R> CompletableFuture<RawAnswer<R>> attempts(Call<R> call, int first) {
    for (int number = first; ; number++) {
      if (call.driver().cancelled()) {
        return CompletableFuture.failedFuture(new CancellationException(call.spec().action() + " was cancelled"));
      }
      CompletableFuture<Outcome<R>> next = attempt(call, number);
      if (!next.isDone() || next.isCompletedExceptionally()) {
        int n = number;
        return next.thenCompose(o -> o.answer() != null || !o.retry() ? o.result() : attempts(call, n + 1));
      }
      Outcome<R> o = next.join();
      if (o.answer() != null || !o.retry()) {
        return o.result();
      }
    }
  }

  /** One attempt: sign, send, decode, report; when another attempt follows, the backoff before it. */
  private <R> CompletableFuture<Outcome<R>> attempt(Call<R> call, int number) {
    String action = call.spec().action();
    core.listeners.attempt(action, number);
    long start = System.nanoTime();
    SignedParameters signed = core.signer.sign();
    Attempt attempt = new Attempt(action, number, retryPolicy.maxAttempts(), signed.timestamp(), core.base());
    return call.driver().send(core.signedUri(action, signed), call.body(), timeout)
        .handle((answer, error) -> outcome(call, attempt, start, answer, error))
        .thenCompose(o -> !o.retry() ? CompletableFuture.completedFuture(o)
            : call.driver().pause(retryPolicy.backoff(number)).handle((v, interrupted) -> {
              if (interrupted == null) {
                return o;
              }
              o.failure().addSuppressed(interrupted instanceof CompletionException && interrupted.getCause() != null
                  ? interrupted.getCause() : interrupted);
              return new Outcome<R>(null, o.failure(), false);
            }));
  }

  /** Decodes an attempt's answer (or classifies its failure), tells the listeners, decides on a retry. */
  private <R> Outcome<R> outcome(Call<R> call, Attempt attempt, long start, Answer answer, Throwable error) {
    String action = attempt.action();
    ZegoException failure;
    if (error == null) {
      try {
        Decoded<R> decoded = core.codec.decode(call.spec().responseType(), answer, attempt);
        core.listeners.success(action, attempt.number(), start, decoded.requestId());
        return new Outcome<>(new RawAnswer<>(answer.status(), answer.headers().map(), answer.body(),
            decoded.requestId(), decoded.value(), attempt.number()), null, false);
      } catch (ZegoException e) {
        failure = e;
      }
    } else {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (!(cause instanceof TransportFailure f)) {
        throw error instanceof CompletionException c ? c : new CompletionException(cause);
      }
      failure = f.toException(action, core.peer(), attempt.number());
    }
    boolean retry = attempt.number() < retryPolicy.maxAttempts() && retryPolicy.isRetryable(failure)
        && !call.driver().cancelled();
    core.listeners.failure(action, attempt.number(), start, failure, retry);
    return new Outcome<>(null, failure, retry);
  }
}
