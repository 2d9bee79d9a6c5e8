package io.github.zegoaiagent.mock.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MockClockTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void aFixedClockStandsStillUntilAdvanced() {
    MockClock clock = MockClock.fixed(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(90));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-30))).hasMessageContaining("never moves back");
    assertThatThrownBy(() -> clock.advance(Duration.ofDays(3_000_000))).hasMessageContaining("year 9999");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE))).hasMessageContaining("year 9999");
    assertThat(clock.millis()).as("a refused move moves nothing").isEqualTo(T0.plusSeconds(90).toEpochMilli());
    assertThatThrownBy(() -> MockClock.fixed(Instant.MAX)).hasMessageContaining("year 9999");
    assertThat(clock.isRunning()).isFalse();
  }

  @Test
  void theClockViewFollowsAdvancesAlsoInAnotherZone() {
    MockClock clock = MockClock.fixed(T0);
    Clock view = clock.asClock();
    Clock tokyo = view.withZone(ZoneId.of("Asia/Tokyo"));
    assertThat(view.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(view.withZone(ZoneOffset.UTC)).isSameAs(view);

    clock.advance(Duration.ofHours(3));
    // Before the fix withZone() returned Clock.fixed(now): it stood still after an advance.
    assertThat(tokyo.instant()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(view.millis()).isEqualTo(T0.plus(Duration.ofHours(3)).toEpochMilli());
  }

  @Test
  void rewindUndoesEveryAdvance() {
    MockClock fixed = MockClock.fixed(T0);
    fixed.advance(Duration.ofDays(2));
    fixed.rewind();
    assertThat(fixed.instant()).isEqualTo(T0);

    MockClock system = MockClock.system();
    system.advance(Duration.ofDays(400));
    system.rewind();
    assertThat(Duration.between(Instant.now(), system.instant()).abs()).isLessThan(Duration.ofMinutes(1));
  }
}
