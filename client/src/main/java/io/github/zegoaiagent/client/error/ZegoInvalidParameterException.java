package io.github.zegoaiagent.client.error;

/** The service refused the request's parameters or form; categories invalid-parameter and invalid-request. */
public class ZegoInvalidParameterException extends ZegoApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoInvalidParameterException(String action, int code, String serviceMessage, String requestId) {
    super(action, code, serviceMessage, requestId);
  }

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   * @param attempts attempts made, including the one that got this answer
   * @param advice what to do next, appended to the message, or null
   */
  public ZegoInvalidParameterException(String action, int code, String serviceMessage, String requestId, int attempts, String advice) {
    super(action, code, serviceMessage, requestId, attempts, advice);
  }
}
