package io.github.zegoaiagent.spring.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome;

/**
 * Told of the outcome of every delivery to the callback endpoint (handled, duplicate, forged, stale,
 * malformed, handler failed): for metrics, logs and alerts. Every bean of this type is told; its
 * exceptions never change the answer.
 */
@FunctionalInterface
public interface CallbackOutcomeListener {

  /** @param outcome what happened and the status answered */
  void onOutcome(CallbackOutcome outcome);
}
