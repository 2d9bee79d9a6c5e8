package io.github.zegoaiagent.mock.values;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject into the next {@code count} calls of {@code action}: an answer with
 * {@code code} (0 = answer normally) after waiting {@code delay}.
 *
 * @param action wire action name
 * @param count how many calls it affects
 * @param code Code to answer with, or 0 to answer normally
 * @param message Message to answer with (a default is used when null)
 * @param delay real-time delay before answering (to test client timeouts)
 */
public record Fault(String action, int count, int code, String message, Duration delay) {
  /** Validates the fields. */
  public Fault {
    Objects.requireNonNull(action, "action");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1");
    }
    if (code < 0) {
      throw new IllegalArgumentException("code must be >= 0");
    }
    delay = delay == null ? Duration.ZERO : delay;
    if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("delay must be in [0, 5 min]");
    }
  }

  /**
   * @param action wire action name
   * @param count calls affected
   * @param code Code answered
   * @return a fault answering {@code code}
   */
  public static Fault code(String action, int count, int code) {
    return new Fault(action, count, code, null, Duration.ZERO);
  }

  /**
   * @param action wire action name
   * @param count calls affected
   * @param delay how long each waits
   * @return a fault that only delays
   */
  public static Fault delay(String action, int count, Duration delay) {
    return new Fault(action, count, 0, null, delay);
  }
}
