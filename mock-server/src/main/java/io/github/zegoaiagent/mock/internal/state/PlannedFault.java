package io.github.zegoaiagent.mock.internal.state;

import java.util.Objects;

/**
 * A fault planned for the next {@code count} calls of {@code action} (the control API's
 * {@code Fault}, checked against its schema before it gets here).
 *
 * @param action wire action name
 * @param count how many calls it affects (still)
 * @param code Code to answer with, or 0 to answer normally
 * @param message Message to answer with (a default is used when null)
 * @param delayMillis how long (mock clock) the answer is held back
 */
public record PlannedFault(String action, int count, int code, String message, long delayMillis) {
  /** Validates the fields. */
  public PlannedFault {
    Objects.requireNonNull(action, "action");
    if (count < 1 || code < 0 || delayMillis < 0) {
      throw new IllegalArgumentException("count >= 1, code >= 0, delayMillis >= 0");
    }
  }
}
