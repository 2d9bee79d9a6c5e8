package io.github.zegoaiagent.client.listener;

/**
 * Observes every attempt of every call, e.g. for metrics, tracing or logging. Register with
 * {@code ZegoAiAgentClient.Builder.listener(...)}; the {@code logger(System.Logger)} setting is one
 * such listener ({@link LoggingCallListener}).
 *
 * <p>Methods run on the thread that made the call (sync) or that completed the exchange (async),
 * so they must be quick and must not block. An exception thrown by a listener is ignored and
 * never changes the outcome of the call. Events never carry the ServerSecret, a signature, request
 * or answer bodies.
 */
public interface CallListener {

  /**
   * An attempt is about to be sent (after validation, signed afresh).
   *
   * @param action the action, e.g. {@code CreateAgentInstance}
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  default void onAttempt(String action, int attempt) { }

  /**
   * An attempt succeeded: HTTP 200 with {@code Code} 0 and an answer of the contract's shape.
   *
   * @param event what happened
   */
  default void onSuccess(CallEvent event) { }

  /**
   * An attempt failed; {@link CallEvent#willRetry()} tells whether another attempt follows.
   * Validation failures are reported too, with attempt 0 (nothing was sent).
   *
   * @param event what happened, with {@link CallEvent#failure()} set
   */
  default void onFailure(CallEvent event) { }
}
