package io.github.zegoaiagent.client.error;

/**
 * No usable answer: an I/O failure, a timeout, a non-200 HTTP status or a body that is not the
 * documented envelope. {@link #requestSent()} tells whether the service may have acted on it.
 */
public class ZegoTransportException extends ZegoException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final boolean requestSent;

  /**
   * @param action the action
   * @param message what went wrong
   * @param httpStatus the HTTP status, or 0 when there was no answer
   * @param requestSent false only when the request certainly never reached the service
   * @param cause the cause, or null
   */
  public ZegoTransportException(String action, String message, int httpStatus, boolean requestSent, Throwable cause) {
    super(action, action + ": " + message, cause);
    this.httpStatus = httpStatus;
    this.requestSent = requestSent;
  }

  /** @return the HTTP status, or 0 when no answer arrived */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return false only when the request certainly never reached the service (e.g. connection refused) */
  public boolean requestSent() {
    return requestSent;
  }
}
