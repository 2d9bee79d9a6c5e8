package io.github.zegoaiagent.client.internal.transport;

import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.error.ZegoTransportException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Why an attempt got no answer, classified once, turned into a {@link ZegoTransportException}
 * whose message names the peer, the attempts made and the cause (never the word "null").
 * Internal.
 */
public final class TransportFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final int httpStatus;
  private final String detail;

  TransportFailure(Reason reason, int httpStatus, String detail, Throwable cause) {
    super(detail, cause, false, false);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.detail = detail;
  }

  /** @return the reason */
  public Reason reason() {
    return reason;
  }

  static TransportFailure timeout(Duration deadline) {
    return new TransportFailure(Reason.TIMEOUT, 0, "within " + deadline.toMillis() + " ms", null);
  }

  static TransportFailure tooLarge(int status, long cap, String seen) {
    return new TransportFailure(Reason.ANSWER_TOO_LARGE, status, "exceeds maxAnswerBytes " + cap + " (" + seen + ")",
        null);
  }

  static TransportFailure interrupted(InterruptedException e) {
    return new TransportFailure(Reason.IO, 0, "the calling thread was interrupted", e);
  }

  /**
   * @param t what the JDK client failed with
   * @param deadline the attempt's deadline, for timeouts
   * @return the classified failure
   */
  static TransportFailure classify(Throwable t, Duration deadline) {
    if (t instanceof TransportFailure f) {
      return f;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TransportFailure f) {
        return f;
      }
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return new TransportFailure(Reason.UNKNOWN_HOST, 0, "unknown host", t);
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpConnectTimeoutException) {
        return new TransportFailure(Reason.CONNECT_FAILED, 0, "connect timed out", t);
      }
      if (c instanceof HttpTimeoutException) {
        return timeout(deadline);
      }
      if (c instanceof ConnectException) {
        // JDK 17 reports a refused connect as a ConnectException without message around a
        // ClosedChannelException; a ConnectException means "typically refused" (its Javadoc).
        String message = firstMessage(t);
        return new TransportFailure(Reason.CONNECT_FAILED, 0, message != null ? message : "Connection refused", t);
      }
    }
    return new TransportFailure(Reason.IO, 0, describe(t), t);
  }

  /** The first message in the cause chain, else the innermost exception's type: never "null". */
  static String describe(Throwable t) {
    String message = firstMessage(t);
    if (message != null) {
      return message;
    }
    Throwable innermost = t;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    return innermost.getClass().getSimpleName();
  }

  private static String firstMessage(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()
          && !(c instanceof java.util.concurrent.CompletionException)
          && !(c instanceof java.util.concurrent.ExecutionException)) {
        return c.getMessage();
      }
    }
    return null;
  }

  /**
   * @param action the action
   * @param peer {@code host:port}
   * @param attempts attempts made, including this one
   * @return the exception to report
   */
  public ZegoTransportException toException(String action, String peer, int attempts) {
    String after = attempts == 1 ? "1 attempt" : attempts + " attempts";
    String message = switch (reason) {
      case CONNECT_FAILED -> "could not connect to " + peer + " after " + after + " (" + detail + ")";
      case UNKNOWN_HOST -> "unknown host " + peer + " (the endpoint's host name does not resolve; not retried)";
      case TIMEOUT -> "no complete answer from " + peer + " " + detail
          + " (the attempt's deadline; not retried: the request was sent)";
      case ANSWER_TOO_LARGE -> "the answer from " + peer + " " + detail;
      default -> "connection to " + peer + " failed after the request was sent (" + detail + ")";
    };
    boolean sent = reason != Reason.CONNECT_FAILED && reason != Reason.UNKNOWN_HOST;
    return new ZegoTransportException(action, message, reason, httpStatus, sent, getCause());
  }
}
