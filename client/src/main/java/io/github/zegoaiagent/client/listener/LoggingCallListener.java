package io.github.zegoaiagent.client.listener;

import io.github.zegoaiagent.client.core.WireText;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Writes one line per attempt to a {@link System.Logger}: action, attempt, duration and outcome
 * (Code and RequestId when there is one). Successes and final failures at DEBUG, failures that
 * will be retried at INFO. Never the secret or a signature; text from the wire escaped and clipped
 * ({@link WireText}).
 */
public final class LoggingCallListener implements CallListener {

  private final System.Logger logger;

  /** @param logger where to write */
  public LoggingCallListener(System.Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public void onSuccess(CallEvent e) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(Level.DEBUG, e.action() + " attempt " + e.attempt() + " (" + e.duration().toMillis()
          + " ms) ok [RequestId " + WireText.clip(e.requestId(), 128) + "]");
    }
  }

  @Override
  public void onFailure(CallEvent e) {
    Level level = e.willRetry() ? Level.INFO : Level.DEBUG;
    if (logger.isLoggable(level)) {
      logger.log(level, e.action() + " attempt " + e.attempt() + " (" + e.duration().toMillis() + " ms) "
          + (e.willRetry() ? "will retry: " : "failed: ") + e.failure().getMessage());
    }
  }

  @Override
  public String toString() {
    return "LoggingCallListener[" + logger.getName() + "]";
  }
}
