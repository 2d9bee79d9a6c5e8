package io.github.zegoaiagent.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delay counts from when it was asked for, not from when the timer hears of it: an answer held
 * back by a fault met at t0 is due at t0 + delay even when the clock moved before the front
 * started waiting (the test that advanced the clock in that gap waited forever before).
 */
class ClockTimerTest {
  @Test
  void aDelayCountsFromWhenItWasAskedFor() {
    MockClock clock = MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    ClockTimer timer = new ClockTimer(clock);
    long t0 = clock.millis();
    AtomicInteger ran = new AtomicInteger();

    clock.advance(Duration.ofMillis(300)); // the clock moves before the timer is told
    timer.after(t0, 300, ran::incrementAndGet);
    assertThat(ran).as("already due: runs at once").hasValue(1);

    timer.after(t0, 500, ran::incrementAndGet);
    assertThat(ran).as("200 ms left").hasValue(1);
    clock.advance(Duration.ofMillis(199));
    timer.pump();
    assertThat(ran).hasValue(1);
    clock.advance(Duration.ofMillis(1));
    timer.pump();
    assertThat(ran).hasValue(2);

    timer.after(200, ran::incrementAndGet); // the plain form counts from now
    clock.advance(Duration.ofMillis(199));
    timer.pump();
    assertThat(ran).hasValue(2);
    clock.advance(Duration.ofMillis(1));
    timer.pump();
    assertThat(ran).hasValue(3);
  }
}
