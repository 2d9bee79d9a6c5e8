package io.github.zegoaiagent.mock.internal.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Strict mode's memory of used nonces, per App. A nonce is remembered until its request's own
 * Timestamp leaves the tolerance window (so a request signed with Timestamp = now + 600 s stays
 * unreplayable for the 1,200 s it is valid), then forgotten. Bounded without holes: when
 * {@code capacity} nonces are remembered and none has expired, a new one is refused (the caller
 * answers an error) instead of forgetting one that could then be replayed. Thread-safe.
 */
final class NonceRegistry {
  /** Outcome of {@link #firstUse}. */
  enum Use { NEW, REPLAY, FULL }

  private final int capacity;
  private final Map<String, Long> expiries = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

  private record Entry(String key, long expiresAt) { }

  NonceRegistry(int capacity) {
    this.capacity = capacity;
  }

  /**
   * @param expiresAtMillis the first clock time at which the request's Timestamp is outside the
   *     window (after that a replay fails the Timestamp check on its own)
   * @return NEW (now remembered), REPLAY (seen and still valid) or FULL (not remembered)
   */
  synchronized Use firstUse(long appId, String nonce, long now, long expiresAtMillis) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt <= now) {
      Entry e = byExpiry.poll();
      if (expiries.get(e.key) == e.expiresAt) {
        expiries.remove(e.key);
      }
    }
    String key = appId + ":" + nonce;
    if (expiries.containsKey(key)) {
      return Use.REPLAY;
    }
    if (expiries.size() >= capacity) {
      return Use.FULL;
    }
    expiries.put(key, expiresAtMillis);
    byExpiry.add(new Entry(key, expiresAtMillis));
    return Use.NEW;
  }

  int capacity() {
    return capacity;
  }

  /** @return nonces remembered now */
  synchronized int size() {
    return expiries.size();
  }

  synchronized void clear() {
    expiries.clear();
    byExpiry.clear();
  }
}
