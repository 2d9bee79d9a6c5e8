package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hand-written SignatureVersion 2.0 signing and raw JSON calls over {@code java.net.http}: the
 * baseline the client is compared with, and the set-up of the load tests. It deliberately does
 * not use the client's classes, so the baseline shares no code with what it measures.
 */
public final class SignedRequests {

  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String baseUrl;
  private final long appId;
  private final String secret;
  private final SecureRandom random = new SecureRandom();
  private final HttpClient http;

  /**
   * @param baseUrl base URL ending in {@code /}
   * @param appId AppId
   * @param secret ServerSecret (never printed)
   */
  public SignedRequests(String baseUrl, long appId, String secret) {
    this.baseUrl = baseUrl;
    this.appId = appId;
    this.secret = secret;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * @param action the Action
   * @param epochSecond the Timestamp
   * @return path and query of a request with a fresh nonce and a valid signature
   */
  public String signedPath(String action, long epochSecond) {
    byte[] n = new byte[8];
    random.nextBytes(n);
    String nonce = HEX.formatHex(n);
    return "/?Action=" + action + "&AppId=" + appId + "&SignatureNonce=" + nonce + "&Timestamp="
        + epochSecond + "&Signature=" + md5Hex(appId + nonce + secret + epochSecond)
        + "&SignatureVersion=2.0";
  }

  /** @return a full signed URI for the action, stamped now */
  public URI signedUri(String action) {
    return URI.create(baseUrl + signedPath(action, System.currentTimeMillis() / 1000).substring(1));
  }

  /**
   * Sends one signed POST and returns the envelope.
   *
   * @param action the Action
   * @param body the JSON body bytes
   * @return the parsed answer
   * @throws IOException on transport failure
   * @throws InterruptedException when interrupted
   */
  public JsonNode call(String action, byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(signedUri(action))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return MAPPER.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  /** Like {@link #call} but fails unless the Code is 0. */
  public JsonNode ok(String action, String body) throws IOException, InterruptedException {
    JsonNode answer = call(action, body.getBytes(StandardCharsets.UTF_8));
    if (answer.path("Code").asInt(-1) != 0) {
      throw new IllegalStateException(action + " answered Code " + answer.path("Code") + ": "
          + answer.path("Message").asText());
    }
    return answer;
  }

  /** @return the shared mapper of the baseline */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static String md5Hex(String s) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bodies of the set-up requests (the contract's required fields only). */
  static String agentBody(String id) {
    return "{\"AgentId\":\"" + id + "\",\"Name\":\"Bench " + id + "\","
        + "\"LLM\":{\"Url\":\"https://api.openai.com/v1/chat/completions\",\"ApiKey\":\"sk-bench\",\"Model\":\"gpt-4o-mini\"},"
        + "\"TTS\":{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{\"appid\":\"a\",\"token\":\"t\"}}}}";
  }

  static String instanceBody(String agentId, String n) {
    return "{\"AgentId\":\"" + agentId + "\",\"UserId\":\"user_" + n + "\",\"RTC\":{\"RoomId\":\"room_" + n
        + "\",\"AgentStreamId\":\"as_" + n + "\",\"AgentUserId\":\"au_" + n + "\",\"UserStreamId\":\"us_" + n + "\"}}";
  }

  static String ttsBody(String instanceId) {
    return "{\"AgentInstanceId\":\"" + instanceId + "\",\"Text\":\"Hello! How can I help you today?\"}";
  }

  /** Registers an agent and creates one instance; @return the AgentInstanceId */
  String liveInstance(String agentId) throws IOException, InterruptedException {
    JsonNode agent = call("RegisterAgent", agentBody(agentId).getBytes(StandardCharsets.UTF_8));
    int code = agent.path("Code").asInt(-1);
    if (code != 0 && code != 410001008) { // already registered by an earlier run: fine
      throw new IllegalStateException("RegisterAgent answered Code " + code);
    }
    String n = Long.toString(System.nanoTime(), 36);
    return ok("CreateAgentInstance", instanceBody(agentId, n)).path("Data").path("AgentInstanceId").asText();
  }
}
