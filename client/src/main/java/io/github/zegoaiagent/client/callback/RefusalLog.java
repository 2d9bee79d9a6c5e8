package io.github.zegoaiagent.client.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Makes refused callbacks visible without letting a flood flood the log: the first refusal of
 * each cause (forged, stale, malformed, handler failed) is logged at WARNING with its reason and
 * what to check; later ones of the same cause within the interval are only counted, and the next
 * WARNING after the interval says how many there were. Duplicates are logged at DEBUG (they are
 * acknowledged and expected when the service retries). Lines carry the outcome's detail, which
 * never holds a secret, a Signature or the body, and whose text from the wire is escaped and
 * clipped. The logger is {@code System.getLogger(CallbackReceiver.class.getName())}: the JDK's
 * logging by default, and Spring Boot's log through its JUL bridge. Thread-safe.
 */
final class RefusalLog {

  /** At most one WARNING per cause in this interval. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  private final System.Logger logger;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final Map<Status, Window> windows = new EnumMap<>(Status.class);

  /** When the next WARNING of one cause may be written, and how many were held back meanwhile. */
  private static final class Window {
    long nextNanos;
    boolean started;
    long heldBack;
  }

  RefusalLog(System.Logger logger, LongSupplier nanoTime, Duration interval) {
    this.logger = logger;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  static RefusalLog standard() {
    return new RefusalLog(System.getLogger(CallbackReceiver.class.getName()), System::nanoTime, DEFAULT_INTERVAL);
  }

  /**
   * @param outcome what happened to a delivery
   * @param thrown what the handler threw, for {@link Status#HANDLER_FAILED}, else null
   */
  void record(CallbackOutcome outcome, Throwable thrown) {
    Status status = outcome.status();
    if (status == Status.HANDLED) {
      return;
    }
    if (status == Status.DUPLICATE) {
      if (logger.isLoggable(Level.DEBUG)) {
        logger.log(Level.DEBUG, "ZEGO callback acknowledged as a duplicate (200), not handled again: " + outcome.detail());
      }
      return;
    }
    if (!logger.isLoggable(Level.WARNING)) {
      return;
    }
    long heldBack;
    synchronized (windows) {
      Window w = windows.computeIfAbsent(status, s -> new Window());
      long now = nanoTime.getAsLong();
      if (w.started && now - w.nextNanos < 0) {
        w.heldBack++;
        return;
      }
      heldBack = w.heldBack;
      w.heldBack = 0;
      w.started = true;
      w.nextNanos = now + intervalNanos;
    }
    String line = "ZEGO callback " + (status == Status.HANDLER_FAILED ? "failed" : "refused") + " ("
        + status.httpStatus() + " " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): "
        + outcome.detail() + "; " + advice(status)
        + (heldBack > 0 ? " [" + heldBack + " more " + status.name().toLowerCase(java.util.Locale.ROOT)
            + " deliveries since the last such line]" : "")
        + " [at most one such line per " + Duration.ofNanos(intervalNanos).toSeconds() + " s]";
    if (thrown != null) {
      logger.log(Level.WARNING, line, thrown);
    } else {
      logger.log(Level.WARNING, line);
    }
  }

  private static String advice(Status status) {
    return switch (status) {
      case FORGED -> "check that the verifier's callback secret is this AppId's CallbackSecret from the console"
          + " (not the ServerSecret); a forged delivery is refused before its body is used";
      case STALE -> "check this server's clock (NTP); in tests the sender's clock (e.g. a mock server's fixed or"
          + " advanced clock) and the verifier's clock must agree";
      case MALFORMED -> "the body is not a callback the contract describes; it is refused (400) and not handled";
      case HANDLER_FAILED -> "answered 500 and forgot the delivery, so the service's retry is handled";
      default -> "";
    };
  }
}
