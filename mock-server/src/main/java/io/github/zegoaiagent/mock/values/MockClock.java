package io.github.zegoaiagent.mock.values;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulation's clock: everything time-driven (speech, MaxIdleTime, graceful shutdown, the
 * timestamp check, QPS windows) reads it, so tests move time instead of sleeping.
 *
 * <p>Either follows the system clock plus an offset ({@link #system()}) or stands still until
 * advanced ({@link #fixed(Instant)}). It only moves forward ({@link #advance}), within
 * 1970-01-01 to the end of year 9999; only {@link #rewind()} (which the mock's reset calls) takes
 * it back to where it started. Thread-safe.
 */
public final class MockClock {
  private final Clock base;
  private final boolean running;
  private final AtomicLong offsetMillis = new AtomicLong();
  /** The last millisecond of year 9999 (also the control API's bound of clock readings). */
  public static final long LATEST = 253_402_300_799_999L;

  private MockClock(Clock base, boolean running) {
    this.base = base;
    this.running = running;
  }

  /** @return a clock that follows the system clock (plus whatever is advanced) */
  public static MockClock system() {
    return new MockClock(Clock.systemUTC(), true);
  }

  /**
   * @param start the initial time
   * @return a clock that stands still until {@link #advance(Duration)} moves it
   */
  public static MockClock fixed(Instant start) {
    if (start.isBefore(Instant.EPOCH) || start.isAfter(Instant.ofEpochMilli(LATEST))) {
      throw new IllegalArgumentException("the mock clock runs from 1970-01-01 to the end of year 9999, not " + start);
    }
    return new MockClock(Clock.fixed(start, ZoneOffset.UTC), false);
  }

  /** @return current time in Unix milliseconds */
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  /** @return current time */
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far (zero or more)
   * @throws IllegalArgumentException for a negative duration (the clock never moves back; see
   *     {@link #rewind()}) or one that would take it past the end of year 9999
   */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("the mock clock never moves back (advance by " + d.toMillis()
          + " ms refused); rewind() (the mock's reset) takes it back to its start");
    }
    long by = d.compareTo(Duration.ofMillis(LATEST)) > 0 ? LATEST + 1 : d.toMillis();
    offsetMillis.updateAndGet(o -> {
      if (base.millis() + o + by > LATEST) {
        throw new IllegalArgumentException("advancing by " + by + " ms would take the mock clock past the end of year 9999");
      }
      return o + by;
    });
  }

  /**
   * Moves the clock back to where it started: a fixed clock to its start instant, a system clock
   * to the system time (every advance undone).
   */
  public void rewind() {
    offsetMillis.set(0);
  }

  /**
   * @return a {@link Clock} view of this clock (UTC): give it to a client
   *     ({@code ZegoAiAgentClient.builder().clock(...)}) so its Timestamps follow the mock's time,
   *     also after {@link #advance(Duration)}
   */
  public Clock asClock() {
    return new View(ZoneOffset.UTC);
  }

  /** A {@link Clock} that reads this clock in a zone; {@link #withZone} keeps following it. */
  private final class View extends Clock {
    private final ZoneId zone;

    View(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return zone.equals(this.zone) ? this : new View(zone);
    }

    @Override
    public Instant instant() {
      return MockClock.this.instant();
    }

    @Override
    public long millis() {
      return MockClock.this.millis();
    }

    @Override
    public String toString() {
      return "MockClock.asClock[" + zone + "]";
    }
  }

  /** @return whether the clock follows real time */
  public boolean isRunning() {
    return running;
  }

  @Override
  public String toString() {
    return "MockClock[" + instant() + "]";
  }
}
