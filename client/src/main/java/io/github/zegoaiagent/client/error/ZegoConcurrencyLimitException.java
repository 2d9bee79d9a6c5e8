package io.github.zegoaiagent.client.error;

/** Too many concurrent instances; category concurrency-limit. */
public class ZegoConcurrencyLimitException extends ZegoLimitException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action the action
   * @param code the {@code Code}
   * @param serviceMessage the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   */
  public ZegoConcurrencyLimitException(String action, int code, String serviceMessage, String requestId) {
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
  public ZegoConcurrencyLimitException(String action, int code, String serviceMessage, String requestId, int attempts, String advice) {
    super(action, code, serviceMessage, requestId, attempts, advice);
  }
}
