package io.github.zegoaiagent.mock.internal.state;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process-wide source of 19-digit decimal identifiers that starts at a random point in every JVM
 * and only counts up, so values are never reused within a process (not across resets, not across
 * two mock servers) and two runs of the mock do not collide in a receiver's duplicate store or in a
 * database of instance IDs. Room above the start: at least 2.2 × 10^17 values.
 */
public final class ProcessSequence {

  private static final long LOWEST = 1_000_000_000_000_000_000L;   // smallest 19-digit number
  private static final long SPAN = 8_000_000_000_000_000_000L;     // starts below 9 × 10^18
  private static final SecureRandom RANDOM = new SecureRandom();

  /** AgentInstanceIds of every mock server in this JVM. */
  public static final ProcessSequence INSTANCE_IDS = new ProcessSequence();

  /** Callback Nonces of every mock server in this JVM. */
  public static final ProcessSequence CALLBACK_NONCES = new ProcessSequence();

  private final AtomicLong next;

  private ProcessSequence() {
    this.next = new AtomicLong(LOWEST + Math.floorMod(RANDOM.nextLong(), SPAN));
  }

  /** @return the next value, 19 decimal digits */
  public String next() {
    return Long.toString(next.getAndIncrement());
  }
}
