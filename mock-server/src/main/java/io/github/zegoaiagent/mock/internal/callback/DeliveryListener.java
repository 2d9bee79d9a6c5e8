package io.github.zegoaiagent.mock.internal.callback;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told what becomes of each callback event (the dashboard's timeline listens). Methods are
 * called on the simulation's or the HTTP client's threads, must be quick, must not throw and
 * must not keep or change the nodes they get (they are the dispatcher's own, unsigned).
 */
public interface DeliveryListener {
  /** Tells nobody. */
  DeliveryListener NONE = new DeliveryListener() { };

  /**
   * An event was produced (under the state lock).
   *
   * @param event the unsigned event with its Sequence
   * @param queued whether a delivery was queued (false: no callback URL, stopped, or queue full)
   * @param why when not queued, why, in words
   */
  default void produced(JsonNode event, boolean queued, String why) {
  }

  /**
   * An event was not produced because its CallbackConfig switch is off (under the state lock).
   *
   * @param event the event as it would have been, without Sequence
   */
  default void switchedOff(JsonNode event) {
  }

  /**
   * One delivery attempt ended.
   *
   * @param sequence the event's Sequence
   * @param number 1 for the first attempt
   * @param sentAtMillis mock-clock time it was sent (its Timestamp)
   * @param ok whether a 2xx answered
   * @param outcome {@code HTTP 200}, {@code no answer within 5000 ms}, ...
   * @param nextAtMillis mock-clock time of the next attempt, or -1 when none follows
   */
  default void attempted(long sequence, int number, long sentAtMillis, boolean ok, String outcome,
      long nextAtMillis) {
  }
}
