package io.github.zegoaiagent.mock.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The exchange behind every {@link MockControlClient} method: JSON out, status checked, JSON in,
 * one deadline over the whole exchange (java.net.http's own timeout covers the headers only, so
 * the body is awaited under the same deadline).
 */
final class ControlHttp {
  /** Deadline of a call unless the caller chose one. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** An answer of the control API is small; more than this is not a control answer. */
  private static final int MAX_ANSWER_CHARS = 16 << 20;
  /** Absent optional fields are left out (the document's schemas do not take null for them); unknown fields from a newer mock are ignored. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final URI baseUrl;
  private final HttpClient http;
  private final Duration timeout;

  ControlHttp(URI baseUrl, HttpClient http, Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String s = baseUrl.toString();
    if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL, not " + baseUrl);
    }
    this.baseUrl = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = Objects.requireNonNull(http, "httpClient");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  URI baseUrl() {
    return baseUrl;
  }

  /**
   * @param value a path parameter
   * @param name its name, for the message
   * @return it percent-encoded as one path segment
   */
  static String segment(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * @param namesAndValues query parameter name, value, name, value, ... (null values are left out)
   * @return {@code ?name=value&...} percent-encoded, or empty when every value is null
   */
  static String query(Object... namesAndValues) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      if (v != null) {
        b.append(b.length() == 0 ? '?' : '&').append(namesAndValues[i]).append('=')
            .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return b.toString();
  }

  <T> T exchange(String method, String path, Object body, TypeReference<T> type) {
    URI uri = baseUrl.resolve(path.substring(1)); // the document's paths start with "/"
    byte[] out;
    try {
      out = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new MockControlException(method, path, 0, "cannot encode the request: " + e.getMessage(), e);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpRequest request = b.method(method, out.length == 0 ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(out)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> answer;
    CompletableFuture<HttpResponse<String>> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      answer = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new MockControlException(method, path, 0, "no answer within " + timeout + " from " + baseUrl, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause instanceof HttpTimeoutException ? "no answer within " + timeout : cause.toString();
      throw new MockControlException(method, path, 0, "cannot reach the mock at " + baseUrl + ": " + why, cause);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new MockControlException(method, path, 0, "interrupted", e);
    }
    String text = answer.body() == null ? "" : answer.body();
    if (text.length() > MAX_ANSWER_CHARS) {
      throw new MockControlException(method, path, answer.statusCode(), "answer larger than " + MAX_ANSWER_CHARS + " characters", null);
    }
    if (answer.statusCode() != 200) {
      throw new MockControlException(method, path, answer.statusCode(), errorMessage(text), null);
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.isObject() && n.has("Code") && n.has("RequestId")) {
        // The signed API's envelope: nothing under /_mock/ answered (switched off, or not a mock).
        throw new MockControlException(method, path, answer.statusCode(), "the AI Agent API answered (Code "
            + n.path("Code").asText() + ", " + n.path("Message").asText() + "), not the control API: it is switched off"
            + " (controlApiEnabled false) or " + baseUrl + " is not a mock", null);
      }
      return JSON.convertValue(n, type);
    } catch (IllegalArgumentException e) {
      throw new MockControlException(method, path, 200, "cannot decode the answer: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MockControlException(method, path, 200, "cannot decode the answer: " + e.getMessage(), e);
    }
  }

  /** The mock's {@code {"error": ...}}, or the start of whatever else came. */
  private static String errorMessage(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.path("error").isTextual()) {
        return n.get("error").textValue();
      }
    } catch (IOException notJson) {
      // fall through: not the mock's error shape (a proxy, another server)
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
