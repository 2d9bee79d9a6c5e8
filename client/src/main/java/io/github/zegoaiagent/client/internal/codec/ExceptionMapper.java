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
   * @return the exception to throw
   */
  public static ZegoApiException map(String action, int code, String message, String requestId) {
    ReturnCode rc = ReturnCode.of(code);
    String category = rc == null ? "" : rc.category();
    return switch (category) {
      case "authentication" -> new ZegoAuthenticationException(action, code, message, requestId);
      case "invalid-parameter", "invalid-request" -> new ZegoInvalidParameterException(action, code, message, requestId);
      case "not-found" -> new ZegoNotFoundException(action, code, message, requestId);
      case "already-exists" -> new ZegoAlreadyExistsException(action, code, message, requestId);
      case "agent-listening" -> new ZegoAgentListeningException(action, code, message, requestId);
      case "state-conflict" -> new ZegoStateConflictException(action, code, message, requestId);
      case "rate-limit" -> new ZegoRateLimitException(action, code, message, requestId);
      case "concurrency-limit" -> new ZegoConcurrencyLimitException(action, code, message, requestId);
      case "account" -> new ZegoAccountException(action, code, message, requestId);
      case "service-error" -> new ZegoServiceException(action, code, message, requestId);
      default -> new ZegoApiException(action, code, message, requestId);
    };
  }
}
