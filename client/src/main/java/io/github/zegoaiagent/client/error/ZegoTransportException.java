package io.github.zegoaiagent.client.error;

import java.util.Objects;

/**
 * No usable answer: the connection failed, the attempt's deadline passed, the answer was larger
 * than the cap, the HTTP status was not 200, or the body was not the documented envelope.
 * {@link #requestSent()} tells whether the service may have acted on it; {@link #reason()} says
 * which of these happened.
 */
public class ZegoTransportException extends ZegoException {

  private static final long serialVersionUID = 1L;

  /** What went wrong at the transport or envelope level. */
  public enum Reason {
    /** The connection was refused or could not be established in time; nothing was sent. */
    CONNECT_FAILED,
    /** The endpoint's host name did not resolve; nothing was sent, and retrying does not help. */
    UNKNOWN_HOST,
    /** The attempt's deadline passed before the complete answer arrived. */
    TIMEOUT,
    /** The answer was larger than the client's {@code maxAnswerBytes}. */
    ANSWER_TOO_LARGE,
    /** The HTTP status was not 200. */
    HTTP_STATUS,
    /** The body was not the envelope of the contract (not JSON, no integral Code, Data missing or of the wrong type). */
    MALFORMED_ANSWER,
    /** The connection failed after the request may have been sent, or the call was interrupted. */
    IO
  }

  private final int httpStatus;
  private final boolean requestSent;
  private final Reason reason;

  /**
   * @param action the action
   * @param message what went wrong
   * @param httpStatus the HTTP status, or 0 when there was no answer
   * @param requestSent false only when the request certainly never reached the service
   * @param cause the cause, or null
   */
  public ZegoTransportException(String action, String message, int httpStatus, boolean requestSent, Throwable cause) {
    this(action, message, !requestSent ? Reason.CONNECT_FAILED : httpStatus == 0 ? Reason.IO
        : httpStatus == 200 ? Reason.MALFORMED_ANSWER : Reason.HTTP_STATUS, httpStatus, requestSent, cause);
  }

  /**
   * @param action the action
   * @param message what went wrong
   * @param reason which kind of failure it is
   * @param httpStatus the HTTP status, or 0 when there was no answer
   * @param requestSent false only when the request certainly never reached the service
   * @param cause the cause, or null
   */
  public ZegoTransportException(String action, String message, Reason reason, int httpStatus, boolean requestSent,
      Throwable cause) {
    super(action, action + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
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

  /** @return which kind of failure this is */
  public Reason reason() {
    return reason;
  }
}
