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

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   * @param attempts attempts made, including the one that got this answer
   * @param advice what to do next, appended to the message, or null
   */
  public ZegoNotFoundException(String action, int code, String serviceMessage, String requestId, int attempts, String advice) {
    super(action, code, serviceMessage, requestId, attempts, advice);
  }
}
