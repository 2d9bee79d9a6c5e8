package io.github.zegoaiagent.client.error;

/** The agent or instance does not exist; category not-found. */
public class ZegoNotFoundException extends ZegoApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoNotFoundException(String action, int code, String serviceMessage, String requestId) {
    super(action, code, serviceMessage, requestId);
  }
}
