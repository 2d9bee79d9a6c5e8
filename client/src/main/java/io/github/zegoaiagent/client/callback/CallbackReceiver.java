package io.github.zegoaiagent.client.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A framework-free callback endpoint: give it the request body, answer the status of the outcome.
 * Verifies (signature, Timestamp tolerance, duplicate Nonce or event), dispatches a first-time
 * genuine event to the {@link CallbackHandler}, and never throws for bad input.
 *
 * <pre>{@code
 * CallbackReceiver receiver = new CallbackReceiver(new CallbackVerifier(callbackSecret), new CallbackHandler() {
 *   public void onAgentInstanceDeleted(AgentInstanceDeletedEvent e) { instances.markEnded(e.getAgentInstanceId()); }
 * });
 * CallbackOutcome outcome = receiver.handle(bodyBytes);
 * respond(outcome.httpStatus());
 * }</pre>
 *
 * <p>A handler that throws gets {@link Status#HANDLER_FAILED} (500) and the delivery is forgotten,
 * so the service's retry is handled. Handlers run on the calling (request) thread. Thread-safe.
 * {@link CallbackServlet} serves it from any jakarta.servlet container.
 */
public final class CallbackReceiver {

  private final CallbackParser parser;
  private final CallbackHandler handler;
  private final Consumer<CallbackOutcome> observer;

  /**
   * @param verifier the verifier (callback secret, clock, tolerance, duplicate store)
   * @param handler what to do with genuine events
   */
  public CallbackReceiver(CallbackVerifier verifier, CallbackHandler handler) {
    this(verifier, handler, outcome -> { });
  }

  /**
   * @param verifier the verifier
   * @param handler what to do with genuine events
   * @param observer told of every outcome (for metrics and logs); its exceptions are ignored
   */
  public CallbackReceiver(CallbackVerifier verifier, CallbackHandler handler, Consumer<CallbackOutcome> observer) {
    this.parser = new CallbackParser(Objects.requireNonNull(verifier, "verifier"));
    this.handler = Objects.requireNonNull(handler, "handler");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * @param body the request body exactly as received
   * @return what happened and the HTTP status to answer
   */
  public CallbackOutcome handle(byte[] body) {
    CallbackOutcome outcome = process(body);
    try {
      observer.accept(outcome);
    } catch (RuntimeException ignored) {
      // An observer never changes the answer.
    }
    return outcome;
  }

  private CallbackOutcome process(byte[] body) {
    CallbackParser.Delivery delivery;
    try {
      delivery = parser.accept(body);
    } catch (InvalidCallbackException e) {
      Status status = switch (e.reason()) {
        case MALFORMED -> Status.MALFORMED;
        case FORGED -> Status.FORGED;
        case STALE -> Status.STALE;
        case DUPLICATE -> Status.DUPLICATE;
      };
      return new CallbackOutcome(status, null, e.getMessage());
    }
    try {
      CallbackEvents.dispatch(delivery.event(), handler);
    } catch (RuntimeException e) {
      parser.forget(delivery);
      return new CallbackOutcome(Status.HANDLER_FAILED, delivery.event(),
          "handler of " + delivery.event().getEvent() + " threw " + e.getClass().getName());
    }
    return new CallbackOutcome(Status.HANDLED, delivery.event(), delivery.event().getEvent());
  }

  /** @return the verifier */
  public CallbackVerifier verifier() {
    return parser.verifier();
  }

  @Override
  public String toString() {
    return "CallbackReceiver[" + parser.verifier() + "]";
  }
}
