package io.github.zegoaiagent.client.internal.codec;

import io.github.zegoaiagent.client.generated.ReturnCode;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The "what to do next" that follows the service's own Message in a {@code ZegoApiException}:
 * for a clock skew (100000004) the Timestamp this client signed with and, when the answer's
 * {@code Date} header tells the service's time, the skew in seconds; for a rate limit how many of
 * the policy's attempts were made; otherwise the attempts when there was more than one. Internal.
 */
final class Advice {

  private Advice() { }

  /**
   * @param code the non-zero Code
   * @param attempt the attempt that got it
   * @param answer the answer (for its Date header)
   * @return the advice, or null when there is nothing to add
   */
  static String of(int code, Attempt attempt, Answer answer) {
    ReturnCode rc = ReturnCode.of(code);
    if (rc == ReturnCode.SIGNATURE_EXPIRED) {
      return clockSkew(attempt, answer);
    }
    String tried = tried(attempt);
    if (rc != null && "rate-limit".equals(rc.category())) {
      return tried + "; send less often, or allow more attempts with RetryPolicy.builder().maxAttempts(...)";
    }
    return attempt.number() > 1 ? tried : null;
  }

  private static String tried(Attempt attempt) {
    return "tried " + attempt.number() + (attempt.number() == 1 ? " time" : " times") + " (the retry policy allows "
        + attempt.maxAttempts() + (attempt.maxAttempts() == 1 ? " attempt)" : " attempts)");
  }

  private static String clockSkew(Attempt attempt, Answer answer) {
    long signed = attempt.timestamp();
    StringBuilder sb = new StringBuilder("not retried (a new signature from the same clock expires the same way): ")
        .append("this client signed with Timestamp ").append(signed).append(" (")
        .append(Instant.ofEpochSecond(signed)).append(") from its clock");
    Instant serverTime = date(answer);
    if (serverTime != null) {
      long skew = signed - serverTime.getEpochSecond();
      sb.append(", ").append(Math.abs(skew)).append(skew < 0 ? " s behind" : " s ahead of")
          .append(" the service's clock (the answer's Date: ").append(serverTime).append(')');
    }
    return sb.append("; check this machine's clock (NTP), or, against a mock server, whether the mock's clock is"
        + " fixed or advanced: sign with the mock's clock (ZegoAiAgentClient.Builder.clock) or reset it").toString();
  }

  private static Instant date(Answer answer) {
    if (answer == null || answer.headers() == null) {
      return null;
    }
    try {
      return answer.headers().firstValue("date")
          .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).orElse(null);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
