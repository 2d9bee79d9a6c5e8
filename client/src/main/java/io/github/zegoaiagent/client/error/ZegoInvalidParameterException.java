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
}
