package io.github.zegoaiagent.client.internal.codec;

import io.github.zegoaiagent.client.error.ZegoAccountException;
import io.github.zegoaiagent.client.error.ZegoAgentListeningException;
import io.github.zegoaiagent.client.error.ZegoAlreadyExistsException;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoAuthenticationException;
import io.github.zegoaiagent.client.error.ZegoConcurrencyLimitException;
import io.github.zegoaiagent.client.error.ZegoInvalidParameterException;
import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.error.ZegoRateLimitException;
import io.github.zegoaiagent.client.error.ZegoServiceException;
import io.github.zegoaiagent.client.error.ZegoStateConflictException;
import io.github.zegoaiagent.client.generated.ReturnCode;

/**
 * Maps a non-zero {@code Code} to the exception of its contract {@code category}
 * ({@code x-zego-return-codes}); undocumented codes map to {@link ZegoApiException}.
 * Internal: not part of the supported API.
 */
public final class ExceptionMapper {

  private ExceptionMapper() { }

  /**
   * @param action the action
   * @param code the non-zero {@code Code}
   * @param message the service's {@code Message}
   * @param requestId the {@code RequestId}, or null
   * @param attempts attempts made, including this one
   * @param advice what to do next, or null
   * @return the exception to throw
   */
  public static ZegoApiException map(String action, int code, String message, String requestId, int attempts,
      String advice) {
    ReturnCode rc = ReturnCode.of(code);
    String category = rc == null ? "" : rc.category();
    return switch (category) {
      case "authentication" -> new ZegoAuthenticationException(action, code, message, requestId, attempts, advice);
      case "invalid-parameter", "invalid-request" -> new ZegoInvalidParameterException(action, code, message, requestId, attempts, advice);
      case "not-found" -> new ZegoNotFoundException(action, code, message, requestId, attempts, advice);
      case "already-exists" -> new ZegoAlreadyExistsException(action, code, message, requestId, attempts, advice);
      case "agent-listening" -> new ZegoAgentListeningException(action, code, message, requestId, attempts, advice);
      case "state-conflict" -> new ZegoStateConflictException(action, code, message, requestId, attempts, advice);
      case "rate-limit" -> new ZegoRateLimitException(action, code, message, requestId, attempts, advice);
      case "concurrency-limit" -> new ZegoConcurrencyLimitException(action, code, message, requestId, attempts, advice);
      case "account" -> new ZegoAccountException(action, code, message, requestId, attempts, advice);
      case "service-error" -> new ZegoServiceException(action, code, message, requestId, attempts, advice);
      default -> new ZegoApiException(action, code, message, requestId, attempts, advice);
    };
  }
}
