package io.github.zegoaiagent.client.internal;

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
  <Q, R> R call(ActionSpec<Q, R> spec, Q request);

  /**
   * @param spec the action
   * @param request the body
   * @param <Q> the request type
   * @param <R> the response type
   * @return the decoded answer, or the same exceptions {@link #call} throws, unwrapped
   */
  <Q, R> CompletableFuture<R> callAsync(ActionSpec<Q, R> spec, Q request);
}
