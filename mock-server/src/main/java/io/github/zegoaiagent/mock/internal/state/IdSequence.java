package io.github.zegoaiagent.mock.internal.state;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 19-digit decimal identifiers (AgentInstanceIds, callback Nonces) that start at a random point
 * and only count up, so a mock never hands one out twice (not after a reset) and two mocks, in one
 * JVM or in two runs, practically never collide in a receiver's duplicate store or a database of
 * instance ids: each starts at its own random point among 8 × 10^18. Each mock owns its sequences
 * (no JVM-wide state). Room above the start: at least 2.2 × 10^17 values. Thread-safe.
 */
public final class IdSequence {

  private static final long LOWEST = 1_000_000_000_000_000_000L;   // smallest 19-digit number
  private static final long SPAN = 8_000_000_000_000_000_000L;     // starts below 9 × 10^18
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicLong next;

  /** A sequence starting at a random point. */
  public IdSequence() {
    this.next = new AtomicLong(LOWEST + Math.floorMod(RANDOM.nextLong(), SPAN));
  }

  /** @return the next value, 19 decimal digits */
  public String next() {
    return Long.toString(next.getAndIncrement());
  }
}
