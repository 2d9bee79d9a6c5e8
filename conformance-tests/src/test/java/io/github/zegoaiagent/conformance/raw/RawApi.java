package io.github.zegoaiagent.conformance.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.conformance.sut.Target;
import io.github.zegoaiagent.mock.DriftDetector;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sends hand-built signed requests, including malformed ones the client would refuse, and holds
 * EVERY exchange to the contract with the validating proxy's own checks ({@link DriftDetector}):
 * on a mock target an answer that drifts from its response schema or the envelope rules fails the
 * test that received it (an AssertionError); on the live service nothing fails, and every drift,
 * of the answers and of the requests, lands in the run's drift report ({@link #DRIFT}, written as
 * {@code drift-report.md} next to the conformance report). Throttles itself per action on external
 * targets.
 */
public final class RawApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Every exchange of the run, checked; written as {@code drift-report.md} when the run ends. */
  public static final DriftDetector DRIFT = DriftDetector.create(
      io.github.zegoaiagent.conformance.sut.Targets.current().kind() + " at " + io.github.zegoaiagent.conformance.sut.Targets.current().baseUrl());

  private final Target target;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Long> lastSend = new ConcurrentHashMap<>();

  /** @param target the target */
  public RawApi(Target target) {
    this.target = target;
  }

  /**
   * @param action the action
   * @param body the JSON body
   * @return the answer, schema-checked
   */
  public Answer post(String action, JsonNode body) {
    return send(action, body.toString(), Tamper.none());
  }

  /**
   * @param action the Action query value (null leaves it out)
   * @param body the raw body text
   * @param tamper what to spoil
   * @return the answer; a JSON answer of a known action is schema-checked
   */
  public Answer send(String action, String body, Tamper tamper) {
    throttle(action);
    long timestamp = System.currentTimeMillis() / 1000 + tamper.timestampOffsetSeconds;
    byte[] nonceBytes = new byte[8];
    RANDOM.nextBytes(nonceBytes);
    String nonce = tamper.nonce != null ? tamper.nonce : HexFormat.of().formatHex(nonceBytes);
    String signature = RequestSigner.signature(target.appId(), nonce, target.serverSecret(), timestamp);
    if (tamper.wrongSignature) {
      signature = RequestSigner.signature(target.appId(), nonce, target.serverSecret() + "-wrong", timestamp);
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (action != null) {
      query.put("Action", action);
    }
    query.put("AppId", Long.toString(target.appId()));
    query.put("SignatureNonce", nonce);
    query.put("Timestamp", Long.toString(timestamp));
    query.put("Signature", signature);
    query.put("SignatureVersion", "2.0");
    query.putAll(tamper.overrides);
    tamper.omitted.forEach(query::remove);
    String qs = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/?" + qs))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(action + ": no answer from " + target.baseUrl() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    JsonNode parsed = null;
    try {
      parsed = JSON.readTree(response.body());
    } catch (IOException e) {
      // not JSON: left null, the caller's assertions report it
    }
    Answer answer = new Answer(response.statusCode(), parsed, text);
    List<Drift> drift = DRIFT.exchange(action, body.getBytes(StandardCharsets.UTF_8), response.statusCode(),
        response.body());
    List<Drift> answerDrift = drift.stream().filter(d -> d.kind().group() == DriftKind.Group.ANSWER).toList();
    if (target.isMock() && !answerDrift.isEmpty()) {
      throw new AssertionError("answer of " + action + " drifts from the contract: " + answerDrift + "\n  answer: " + answer);
    }
    return answer;
  }

  private void throttle(String action) {
    if (target.qps() <= 0) {
      return;
    }
    long gapNanos = 1_000_000_000L / target.qps();
    synchronized (lastSend) {
      long now = System.nanoTime();
      long earliest = lastSend.getOrDefault(String.valueOf(action), now - gapNanos) + gapNanos;
      if (earliest > now) {
        try {
          Thread.sleep((earliest - now) / 1_000_000, (int) ((earliest - now) % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      lastSend.put(String.valueOf(action), Math.max(now, earliest));
    }
  }
}
