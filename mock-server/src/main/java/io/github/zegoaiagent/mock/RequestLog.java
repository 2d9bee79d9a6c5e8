package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.values.JournalEntry;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The console request log ({@code --log requests}): one line per API request, e.g.
 * {@code 2026-12-01T12:00:00.123Z CreateAgentInstance Code 0 1.4 ms}. Wall-clock time (the
 * person watching the console lives on it, whatever the mock's clock says); the Action only as
 * the letters it may contain (a crafted one cannot forge lines); no query, body or message, so
 * never a secret.
 */
final class RequestLog implements RequestListener {
  private static final int MAX_ACTION = 64;
  private final PrintStream out;

  private RequestLog(PrintStream out) {
    this.out = out;
  }

  static RequestListener of(LogSettings s) {
    return s.log() == LogSettings.Mode.REQUESTS ? new RequestLog(s.out()) : RequestListener.NONE;
  }

  @Override
  public void answered(JournalEntry e, long nanos) {
    try {
      out.println(line(Instant.now(), e, nanos));
    } catch (RuntimeException ignored) {
      // A broken console must not break the API.
    }
  }

  static String line(Instant at, JournalEntry e, long nanos) {
    return at.truncatedTo(ChronoUnit.MILLIS) + " " + action(e) + " Code " + e.code() + " "
        + String.format(Locale.ROOT, "%.1f", nanos / 1e6) + " ms";
  }

  private static String action(JournalEntry e) {
    String a = e.action();
    if (a == null || a.isEmpty()) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < a.length() && b.length() < MAX_ACTION; i++) {
      char c = a.charAt(i);
      b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '?');
    }
    return a.length() > MAX_ACTION ? b + "..." : b.toString();
  }
}
