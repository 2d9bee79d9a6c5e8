package io.github.zegoaiagent.client.error;

import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.generated.ReturnCode;

/**
 * The service answered with a non-zero {@code Code}. Subclasses group codes by the contract's
 * {@code category}; an undocumented code is thrown as this base type.
 */
public class ZegoApiException extends ZegoException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String serviceMessage;
  private final String requestId;
  private final int attempts;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoApiException(String action, int code, String serviceMessage, String requestId) {
    this(action, code, serviceMessage, requestId, 1, null);
  }

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   * @param attempts attempts made, including the one that got this answer
   * @param advice what to do next, appended to the message, or null
   */
  public ZegoApiException(String action, int code, String serviceMessage, String requestId, int attempts,
      String advice) {
    super(action, describe(action, code, serviceMessage, requestId, advice), null);
    this.code = code;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
    this.attempts = attempts;
  }

  /** The message: the service's Message and RequestId escaped and clipped ({@link WireText}), then the advice. */
  private static String describe(String action, int code, String serviceMessage, String requestId, String advice) {
    ReturnCode rc = ReturnCode.of(code);
    return action + " failed with Code " + code + (rc == null ? " (undocumented)" : " (" + rc.name() + ")")
        + ": " + (serviceMessage == null ? "(no Message)" : WireText.clip(serviceMessage))
        + " [RequestId " + (requestId == null ? "none" : WireText.clip(requestId, 128)) + "]"
        + (advice == null ? "" : "; " + advice);
  }

  /** @return the {@code Code} */
  public int code() {
    return code;
  }

  /** @return the service's {@code Message}, complete and as received (the exception message escapes and clips it) */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** @return the {@code RequestId} to quote to support, or null */
  public String requestId() {
    return requestId;
  }

  /** @return attempts the call made, including the one that got this answer */
  public int attempts() {
    return attempts;
  }

  /** @return the documented return code, or null when the contract does not list this code */
  public ReturnCode returnCode() {
    return ReturnCode.of(code);
  }
}
