package io.github.zegoaiagent.client.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import io.github.zegoaiagent.client.core.WireText;
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
 * so the service's retry is handled; whatever it throws: an {@code Error} (an
 * {@code AssertionError} in a test, a {@code StackOverflowError}) is rethrown after the delivery
 * was forgotten and the observer told. Handlers run on the calling (request) thread. Thread-safe.
 * {@link CallbackServlet} serves it from any jakarta.servlet container.
 *
 * <p>Refused deliveries are logged ({@code System.Logger} named after this class): each cause
 * (forged, stale, malformed, handler failed) at WARNING with its reason and what to check, at most
 * once per minute per cause with a count of the rest; duplicates at DEBUG. Never a secret.
 */
public final class CallbackReceiver {

  private final CallbackParser parser;
  private final CallbackHandler handler;
  private final Consumer<CallbackOutcome> observer;
  private final RefusalLog log;

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
    this(verifier, handler, observer, RefusalLog.standard());
  }

  CallbackReceiver(CallbackVerifier verifier, CallbackHandler handler, Consumer<CallbackOutcome> observer,
      RefusalLog log) {
    this.parser = new CallbackParser(Objects.requireNonNull(verifier, "verifier"));
    this.handler = Objects.requireNonNull(handler, "handler");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.log = log;
  }

  /**
   * @param body the request body exactly as received
   * @return what happened and the HTTP status to answer
   * @throws Error what the handler threw, when it was an {@code Error}: rethrown after the delivery
   *     was forgotten (so the service's retry is handled) and the outcome reported
   */
  public CallbackOutcome handle(byte[] body) {
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
      return report(new CallbackOutcome(status, null, e.getMessage()), null);
    }
    try {
      CallbackEvents.dispatch(delivery.event(), handler);
    } catch (Throwable t) { // whatever the handler threw, the delivery's keys are forgotten
      parser.forget(delivery);
      CallbackOutcome failed = report(new CallbackOutcome(Status.HANDLER_FAILED, delivery.event(), "the handler of "
          + WireText.clip(delivery.event().getEvent(), 64) + " threw " + describe(t)), t);
      if (t instanceof Error error) {
        throw error;
      }
      return failed;
    }
    return report(new CallbackOutcome(Status.HANDLED, delivery.event(), WireText.clip(delivery.event().getEvent(), 64)),
        null);
  }

  /** @return the innermost cause's class and message (a framework may wrap what the handler threw), escaped */
  private static String describe(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 10 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + WireText.clip(root.getMessage(), 200))
        + (root == t ? "" : " (in " + t.getClass().getName() + ")");
  }

  private CallbackOutcome report(CallbackOutcome outcome, Throwable thrown) {
    try {
      log.record(outcome, thrown);
    } catch (RuntimeException ignored) {
      // Logging never changes the answer.
    }
    try {
      observer.accept(outcome);
    } catch (RuntimeException ignored) {
      // An observer never changes the answer.
    }
    return outcome;
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
