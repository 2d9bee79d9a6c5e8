package io.github.zegoaiagent.mock.internal.state;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding one-second window per (AppId, action) on the simulation clock. Thread-safe; memory is
 * bounded by the number of Apps × actions, each window holding at most {@code limit} stamps.
 */
public final class RateLimiter {
  private static final long WINDOW_MILLIS = 1_000;

  private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
  private volatile int limit;

  /** @param limit requests per second per key; 0 = unlimited */
  public RateLimiter(int limit) {
    this.limit = limit;
  }

  /** @param limit new limit; 0 = unlimited */
  public void setLimit(int limit) {
    this.limit = Math.max(0, limit);
  }

  /** @return the limit (0 = unlimited) */
  public int limit() {
    return limit;
  }

  /**
   * Counts one request unless the window is full.
   *
   * @param appId App
   * @param action action
   * @param nowMillis clock time
   * @return true when the request may proceed
   */
  public synchronized boolean tryAcquire(long appId, String action, long nowMillis) {
    int max = limit;
    if (max <= 0) {
      return true;
    }
    ArrayDeque<Long> w = windows.computeIfAbsent(appId + "/" + action, k -> new ArrayDeque<>());
    while (!w.isEmpty() && (nowMillis - w.peekFirst() >= WINDOW_MILLIS || w.peekFirst() > nowMillis)) {
      w.removeFirst(); // expired, or from before the clock was moved back
    }
    if (w.size() >= max) {
      return false;
    }
    w.addLast(nowMillis);
    return true;
  }

  /** Forgets every window. */
  public synchronized void clear() {
    windows.clear();
  }
}
