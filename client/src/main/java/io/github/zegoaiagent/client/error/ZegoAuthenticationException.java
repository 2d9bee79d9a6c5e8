package io.github.zegoaiagent.client.error;

/** Authentication or signing failed (AppId, Timestamp, Signature, SignatureNonce, SignatureVersion); category authentication. */
public class ZegoAuthenticationException extends ZegoApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoAuthenticationException(String action, int code, String serviceMessage, String requestId) {
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
  public ZegoAuthenticationException(String action, int code, String serviceMessage, String requestId, int attempts, String advice) {
    super(action, code, serviceMessage, requestId, attempts, advice);
  }
}
