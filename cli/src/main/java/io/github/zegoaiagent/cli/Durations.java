package io.github.zegoaiagent.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as the mock's settings write them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}; a plain number is seconds. */
final class Durations {
  private Durations() {
  }

  /**
   * @param text the value
   * @param option the option it came from, for the message
   * @return the duration (positive)
   * @throws UsageException for anything else
   */
  static Duration parse(String text, String option) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("d")) {
        d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new UsageException(option + " " + Text.clip(text) + ": give a duration such as 500ms, 30s, 10m, 1h or 1d");
  }
}
