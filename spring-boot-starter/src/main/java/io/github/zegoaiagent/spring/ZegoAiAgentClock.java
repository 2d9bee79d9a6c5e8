package io.github.zegoaiagent.spring;

import java.time.Clock;
import java.util.Objects;

/**
 * The one clock of the starter's beans: the client signs its Timestamps with it, the token service
 * stamps tokens with it, the callback verifier compares callback Timestamps with it and the health
 * check ages outcomes with it. The system clock (UTC) unless the application (or a test) defines a
 * bean of this type; {@code @AutoConfigureZegoMock} defines one that follows the mock's clock, so
 * a fixed or advanced mock clock never makes a call expired or a callback stale.
 *
 * @param clock the clock
 */
public record ZegoAiAgentClock(Clock clock) {

  /** Requires the clock. */
  public ZegoAiAgentClock {
    Objects.requireNonNull(clock, "clock");
  }

  /** @return the system clock in UTC, the default */
  public static ZegoAiAgentClock system() {
    return new ZegoAiAgentClock(Clock.systemUTC());
  }
}
