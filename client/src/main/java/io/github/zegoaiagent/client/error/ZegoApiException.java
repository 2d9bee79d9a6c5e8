package io.github.zegoaiagent.client.error;

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

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoApiException(String action, int code, String serviceMessage, String requestId) {
    super(action, describe(action, code, serviceMessage, requestId), null);
    this.code = code;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
  }

  private static String describe(String action, int code, String serviceMessage, String requestId) {
    ReturnCode rc = ReturnCode.of(code);
    return action + " failed with Code " + code + (rc == null ? " (undocumented)" : " (" + rc.name() + ")")
        + ": " + (serviceMessage == null ? "(no Message)" : serviceMessage)
        + " [RequestId " + (requestId == null ? "none" : requestId) + "]";
  }

  /** @return the {@code Code} */
  public int code() {
    return code;
  }

  /** @return the service's {@code Message} */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** @return the {@code RequestId} to quote to support, or null */
  public String requestId() {
    return requestId;
  }

  /** @return the documented return code, or null when the contract does not list this code */
  public ReturnCode returnCode() {
    return ReturnCode.of(code);
  }
}
