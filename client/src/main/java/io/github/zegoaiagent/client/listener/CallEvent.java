package io.github.zegoaiagent.client.listener;

import io.github.zegoaiagent.client.error.ZegoException;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one attempt of a call. Carries no secret, no signature and no body.
 *
 * @param action the action, e.g. {@code CreateAgentInstance}
 * @param attempt 1 for the first attempt, 2 for the first retry, ...; 0 when validation refused
 *     the call before sending
 * @param duration time from sending the attempt to its outcome
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param code the envelope's {@code Code}, or null when there was no decodable envelope
 * @param requestId the envelope's {@code RequestId}, or null
 * @param failure the exception of a failed attempt, or null on success
 * @param willRetry true when another attempt follows this failure
 */
public record CallEvent(String action, int attempt, Duration duration, int httpStatus, Integer code,
    String requestId, ZegoException failure, boolean willRetry) {

  /** @return the failure, when the attempt failed */
  public Optional<ZegoException> failureIfAny() {
    return Optional.ofNullable(failure);
  }

  /** @return true when the attempt succeeded */
  public boolean succeeded() {
    return failure == null;
  }
}
