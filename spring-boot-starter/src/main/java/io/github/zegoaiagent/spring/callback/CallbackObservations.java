package io.github.zegoaiagent.spring.callback;

import io.github.zegoaiagent.client.callback.CallbackEvents;
import io.github.zegoaiagent.client.callback.CallbackOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Each delivery to the callback endpoint is a Micrometer {@link Observation} named {@value #NAME}
 * (a timer, and a span with tracing, child of the HTTP request's): low-cardinality tags
 * {@code event} (a contract event name, {@code unknown} for a verified event the contract does not
 * know, {@code unverified} for refused deliveries: a forged body could carry any name) and
 * {@code status} (handled, duplicate, forged, stale, malformed, handler_failed, too_large). The
 * application's listeners run inside it, so their own observations become its children; a
 * listener's exception is its error. The AgentInstanceId of a verified event is a high-cardinality
 * value (spans only).
 */
final class CallbackObservations implements DeliveryObserver {

  /** Name of the observation (and timer). */
  static final String NAME = "zego.aiagent.callback";

  private final Supplier<ObservationRegistry> registry;

  CallbackObservations(Supplier<ObservationRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Delivery open() {
    ObservationRegistry r = registry.get();
    Observation o = Observation.createNotStarted(NAME, r).contextualName("zego callback")
        .parentObservation(r.getCurrentObservation()).start();
    Observation.Scope scope = o.openScope();
    return new Delivery() {
      private CallbackOutcome outcome;

      @Override
      public void outcome(CallbackOutcome outcome) {
        this.outcome = outcome;
      }

      @Override
      public void close() {
        scope.close();
        String event = "unverified";
        String status = "too_large"; // the servlet refused the body before the receiver saw it
        if (outcome != null) {
          status = outcome.status().name().toLowerCase(Locale.ROOT);
          if (outcome.event() != null) {
            String name = outcome.event().getEvent();
            event = CallbackEvents.TYPES.containsKey(name) ? name : "unknown";
            o.highCardinalityKeyValue("agent.instance.id", String.valueOf(instanceId(outcome)));
          }
          if (outcome.status() == CallbackOutcome.Status.HANDLER_FAILED) {
            o.error(new IllegalStateException(outcome.detail()));
          }
        }
        o.lowCardinalityKeyValue("event", event).lowCardinalityKeyValue("status", status).stop();
      }
    };
  }

  private static Object instanceId(CallbackOutcome outcome) {
    try {
      return outcome.event().getClass().getMethod("getAgentInstanceId").invoke(outcome.event());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "CallbackObservations[" + NAME + "]";
  }
}
