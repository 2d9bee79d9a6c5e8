package io.github.zegoaiagent.client.callback;

import io.github.zegoaiagent.client.model.CallbackEvent;

/**
 * What {@link CallbackReceiver#handle} did with one delivery and the HTTP status to answer. Any 2xx
 * acknowledges the delivery; anything else makes the service retry (2, 4, 8, 16, 32 s later).
 *
 * @param status what happened
 * @param event the event when it was verified (handled, duplicate or handler failed), else null
 * @param detail why, for logs: never a secret, a Signature or the body; text from the wire escaped
 *     and clipped ({@code WireText})
 */
public record CallbackOutcome(Status status, CallbackEvent event, String detail) {

  /** What happened to a delivery. */
  public enum Status {
    /** Verified and handled: 200. */
    HANDLED(200),
    /** Verified, but this delivery (Nonce) or event was already accepted: 200, not handled again. */
    DUPLICATE(200),
    /** Not JSON, missing signature fields or not the event's schema: 400. */
    MALFORMED(400),
    /** Wrong signature: 401. */
    FORGED(401),
    /** Genuine signature, Timestamp outside the tolerance (a replay, or a clock far off): 401. */
    STALE(401),
    /** Verified, but the handler threw: 500, so the service delivers it again. */
    HANDLER_FAILED(500);

    private final int httpStatus;

    Status(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** @return the HTTP status to answer */
    public int httpStatus() {
      return httpStatus;
    }
  }

  /** @return the HTTP status to answer */
  public int httpStatus() {
    return status.httpStatus();
  }

  /** @return true when the answer acknowledges the delivery (2xx) */
  public boolean acknowledged() {
    return httpStatus() / 100 == 2;
  }
}
