package io.github.zegoaiagent.client.listening;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequence numbers for StartListening / StopListening: strictly increasing per (instance, user).
 * The service processes only the latest Sequence of a user and ignores older ones (410001043), so
 * numbers must keep increasing even across restarts of the caller: each value is
 * {@code max(previous + 1, clock millis)}. Thread-safe.
 */
public final class ListeningSequencer {

  private final Clock clock;
  private final Map<String, AtomicLong> last = new ConcurrentHashMap<>();

  /** @param clock the clock that seeds and floors the numbers */
  public ListeningSequencer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param agentInstanceId the instance
   * @param userId the user, or null for the instance's own user
   * @return the next Sequence for that pair, greater than every earlier one
   */
  public long next(String agentInstanceId, String userId) {
    String key = Objects.requireNonNull(agentInstanceId, "agentInstanceId") + '\u0000' + (userId == null ? "" : userId);
    return last.computeIfAbsent(key, k -> new AtomicLong()).updateAndGet(prev -> Math.max(prev + 1, clock.millis()));
  }
}
