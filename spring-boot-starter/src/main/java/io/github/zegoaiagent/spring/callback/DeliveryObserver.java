package io.github.zegoaiagent.spring.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome;

/**
 * Watches each delivery to the callback endpoint from its arrival to its answer (the servlet opens
 * it, the receiver's outcome is told, the servlet closes it). The starter implements it; public
 * only because the endpoint's bean method names it. Free of Micrometer types, so the
 * endpoint works without Micrometer; {@link CallbackObservations} is the Micrometer one.
 */
public interface DeliveryObserver {

  /** @return the delivery just arrived; it runs on the request thread until closed */
  Delivery open();

  /** One delivery. */
  interface Delivery {
    /** @param outcome what the receiver did with it */
    void outcome(CallbackOutcome outcome);

    /** The answer is written (or the body was refused before the receiver saw it). */
    void close();
  }
}
