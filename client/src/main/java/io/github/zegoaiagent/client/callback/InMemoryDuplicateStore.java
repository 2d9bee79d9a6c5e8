package io.github.zegoaiagent.client.callback;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link CallbackDuplicateStore}: keys in insertion order with their expiry. Expired keys
 * are dropped from the oldest end on every call; at capacity the oldest key goes first (counted in
 * {@link #evicted()}), so memory stays bounded even under a flood of genuine callbacks.
 */
final class InMemoryDuplicateStore implements CallbackDuplicateStore {

  private final int capacity;
  private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();
  private long evicted;

  InMemoryDuplicateStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean markIfAbsent(String key, Instant now, Instant expiresAt) {
    long nowMillis = now.toEpochMilli();
    // Entries are inserted with now + tolerance, so they expire roughly in insertion order.
    for (Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue() > nowMillis) {
        break;
      }
      it.remove();
    }
    Long known = expiries.get(key);
    if (known != null && known > nowMillis) {
      return false;
    }
    if (known == null && expiries.size() >= capacity) {
      Iterator<String> oldest = expiries.keySet().iterator();
      oldest.next();
      oldest.remove();
      evicted++;
    }
    expiries.put(key, expiresAt.toEpochMilli());
    return true;
  }

  @Override
  public synchronized void forget(String key) {
    expiries.remove(key);
  }

  /** @return keys currently remembered */
  synchronized int size() {
    return expiries.size();
  }

  /** @return keys forgotten before their expiry because the store was full */
  synchronized long evicted() {
    return evicted;
  }

  @Override
  public String toString() {
    return "InMemoryDuplicateStore[capacity=" + capacity + "]";
  }
}
