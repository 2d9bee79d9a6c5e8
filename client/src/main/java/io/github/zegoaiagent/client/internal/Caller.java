package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.core.RawAnswer;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one call of an action: validate, then per attempt sign, send, decode, and retry as the
 * policy allows. The generated API implementations delegate every method here. Internal: not part
 * of the supported API.
 */
public interface Caller {

  /**
   * @param spec the action
   * @param request the body
   * @param <Q> the request type
   * @param <R> the response type
   * @return the decoded answer
   */
  default <Q, R> R call(ActionSpec<Q, R> spec, Q request) {
    return callRaw(spec, request).value();
  }

  /**
   * @param spec the action
   * @param request the body
   * @param <Q> the request type
   * @param <R> the response type
   * @return the decoded answer, or the same exceptions {@link #call} throws, unwrapped; cancelling
   *     it aborts the exchange in flight and any retry
   */
  <Q, R> CompletableFuture<R> callAsync(ActionSpec<Q, R> spec, Q request);

  /**
   * @param spec the action
   * @param request the body
   * @param <Q> the request type
   * @param <R> the response type
   * @return the answer of the attempt that succeeded, with its decoded value
   */
  <Q, R> RawAnswer<R> callRaw(ActionSpec<Q, R> spec, Q request);

  /**
   * @param spec the action
   * @param request the body
   * @param <Q> the request type
   * @param <R> the response type
   * @return the answer of the attempt that succeeded; fails with the exceptions {@link #callRaw} throws;
   *     cancelling it aborts the exchange in flight and any retry
   */
  <Q, R> CompletableFuture<RawAnswer<R>> callRawAsync(ActionSpec<Q, R> spec, Q request);
}
