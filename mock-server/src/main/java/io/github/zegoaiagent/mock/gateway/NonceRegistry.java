package io.github.zegoaiagent.mock.gateway;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Strict mode's memory of nonces seen within the timestamp tolerance, per App. Bounded: beyond
 * {@code capacity} remembered nonces the oldest are forgotten early. Thread-safe.
 */
final class NonceRegistry {
  private final long windowMillis;
  private final int capacity;
  private final ArrayDeque<Object[]> order = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();

  NonceRegistry(long windowMillis, int capacity) {
    this.windowMillis = windowMillis;
    this.capacity = capacity;
  }

  /** @return true if the nonce is new (and now remembered), false if it was seen in the window */
  synchronized boolean firstUse(long appId, String nonce, long now) {
    while (!order.isEmpty() && ((long) order.peekFirst()[1] <= now - windowMillis || order.size() >= capacity)) {
      seen.remove((String) order.removeFirst()[0]);
    }
    String key = appId + ":" + nonce;
    if (!seen.add(key)) {
      return false;
    }
    order.addLast(new Object[] {key, now});
    return true;
  }

  synchronized void clear() {
    order.clear();
    seen.clear();
  }
}
