package io.github.zegoaiagent.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer of one call as it came over the wire, beside its decoded value: the HTTP status,
 * the headers, the envelope's {@code RequestId}, the body and how many attempts the call took.
 * Returned by the raw views of the client ({@code client.withRawAnswer()}, the counterpart of
 * openai-java's {@code withRawResponse()} and stripe-java's {@code getLastResponse()}). Only a
 * successful answer ({@code Code} 0) becomes one; a failure is thrown as usual. Immutable.
 *
 * @param <T> the decoded answer's type
 */
public final class RawAnswer<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String requestId;
  private final T value;
  private final int attempts;

  /**
   * @param statusCode the HTTP status
   * @param headers the answer's headers (names compared without regard to case)
   * @param body the answer's body as received
   * @param requestId the envelope's {@code RequestId}, or null
   * @param value the decoded answer
   * @param attempts attempts the call took, at least 1
   */
  public RawAnswer(int statusCode, Map<String, List<String>> headers, byte[] body, String requestId, T value,
      int attempts) {
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.requestId = requestId;
    this.value = Objects.requireNonNull(value, "value");
    this.attempts = attempts;
  }

  /** @return the HTTP status (200 for every answer that decoded) */
  public int statusCode() {
    return statusCode;
  }

  /** @return every header, names looked up without regard to case */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, any case
   * @return its first value
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return the envelope's {@code RequestId} (quote it to support), or null when absent */
  public String requestId() {
    return requestId;
  }

  /** @return a copy of the body as received */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body as UTF-8 text */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** @return the decoded answer, the same the plain client would have returned */
  public T value() {
    return value;
  }

  /** @return attempts the call took (1 unless an attempt was retried) */
  public int attempts() {
    return attempts;
  }

  /** @return status, RequestId, size and attempts; never the body */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(4);
    parts.add("HTTP " + statusCode);
    parts.add("RequestId " + WireText.clip(requestId, 128));
    parts.add(body.length + " bytes");
    parts.add(attempts == 1 ? "1 attempt" : attempts + " attempts");
    return "RawAnswer[" + String.join(", ", parts) + "]";
  }
}
