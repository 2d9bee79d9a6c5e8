package io.github.zegoaiagent.client.error;

/** The agent or resource already exists; category already-exists. */
public class ZegoAlreadyExistsException extends ZegoApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoAlreadyExistsException(String action, int code, String serviceMessage, String requestId) {
    super(action, code, serviceMessage, requestId);
  }
}
