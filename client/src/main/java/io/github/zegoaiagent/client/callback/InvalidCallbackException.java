package io.github.zegoaiagent.client.callback;

import io.github.zegoaiagent.client.error.ZegoException;

/**
 * A callback that must not be handled: not JSON, missing its signature fields, forged, outside the
 * timestamp tolerance, or a delivery already handled. {@link #reason()} tells which; the message
 * never contains the callback secret. {@link CallbackReceiver} turns it into an HTTP status instead
 * of throwing.
 */
public final class InvalidCallbackException extends ZegoException {

  private static final long serialVersionUID = 1L;

  /** Why the callback is refused. */
  public enum Reason {
    /** Not a JSON object, lacks Timestamp/Nonce/Signature, or does not match its event's schema. */
    MALFORMED,
    /** The Signature does not match the callback secret, Timestamp and Nonce. */
    FORGED,
    /** Genuine signature, but the Timestamp is further from the clock than the tolerance. */
    STALE,
    /** Genuine and fresh, but this Nonce or this event (instance, Event, Sequence) was already accepted. */
    DUPLICATE
  }

  private final Reason reason;

  /**
   * @param reason why it is refused
   * @param message what is wrong (never the secret)
   * @param cause the cause, or null
   */
  public InvalidCallbackException(Reason reason, String message, Throwable cause) {
    super(null, message, cause);
    this.reason = reason;
  }

  /** @return why the callback is refused */
  public Reason reason() {
    return reason;
  }
}
