package io.github.zegoaiagent.client.callback;

import java.time.Instant;

/**
 * Remembers which callback deliveries were accepted, so a replayed or retried delivery is
 * acknowledged without being handled twice. Keys only need remembering until they expire: after
 * that the timestamp tolerance refuses the delivery anyway. The default is
 * {@link #inMemory(int)}; a service with several replicas behind one callback URL plugs in a shared
 * store (Redis {@code SET key NX PX}, a database unique key) through this interface.
 *
 * <p>Implementations must be thread-safe and {@link #markIfAbsent} atomic.
 */
public interface CallbackDuplicateStore {

  /**
   * Records a key unless it is already recorded and not expired.
   *
   * @param key the key (derived from a Nonce or an event's identity; never a secret)
   * @param now the verifier's current time
   * @param expiresAt when the key may be forgotten
   * @return true when the key was not recorded (first delivery), false for a duplicate
   */
  boolean markIfAbsent(String key, Instant now, Instant expiresAt);

  /**
   * Forgets a key: its handler failed, so the service's next delivery must be handled.
   *
   * @param key the key
   */
  void forget(String key);

  /**
   * @param capacity the most keys kept; when full, the oldest key is forgotten first
   * @return a bounded in-memory store for a single process
   */
  static CallbackDuplicateStore inMemory(int capacity) {
    return new InMemoryDuplicateStore(capacity);
  }
}
