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
 * advanced ({@link #fixed(Instant)}). Thread-safe.
 */
public final class MockClock {
  private final Clock base;
  private final boolean running;
  private final AtomicLong offsetMillis = new AtomicLong();

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
   * Moves the clock forward (or back, for a negative duration).
   *
   * @param d how far
   */
  public void advance(Duration d) {
    offsetMillis.addAndGet(d.toMillis());
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
