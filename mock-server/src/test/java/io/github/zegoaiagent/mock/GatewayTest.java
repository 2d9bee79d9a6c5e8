package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every gateway code, in the documented order, through real HTTP. */
@ZegoMockTest(callbacks = false, configure = GatewayTest.Config.class)
class GatewayTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).credential(42L, "other-secret");
    }
  }

  static MockServer server;
  static RawApi api;
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final long APP = 1234567890L;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  /** A valid query as an ordered map, to break one parameter at a time. */
  static Map<String, String> valid(String action) {
    long ts = Math.floorDiv(server.clock().millis(), 1000);
    String nonce = "0123456789abcdef";
    Map<String, String> q = new LinkedHashMap<>();
    q.put("Action", action);
    q.put("AppId", Long.toString(APP));
    q.put("SignatureNonce", nonce);
    q.put("Timestamp", Long.toString(ts));
    q.put("Signature", RawApi.md5Signature(APP, nonce, SECRET, ts));
    q.put("SignatureVersion", "2.0");
    return q;
  }

  static JsonNode post(Map<String, String> q, String body) {
    String query = q.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return api.send("POST", "/?" + query, body);
  }

  static void assertCode(JsonNode r, int code, String messagePart) {
    assertThat(r.get("Code").asInt()).as(r.toString()).isEqualTo(code);
    assertThat(r.get("Message").asText()).contains(messagePart);
  }

  @Test
  void validRequestPasses() {
    assertCode(post(valid("ListAgents"), "{}"), 0, "success");
  }

  @Test
  void actionMissingOrEmpty() {
    Map<String, String> q = valid("ListAgents");
    q.remove("Action");
    assertCode(post(q, "{}"), Codes.ACTION_EMPTY, "Action");
    q.put("Action", "");
    assertCode(post(q, "{}"), Codes.ACTION_EMPTY, "Action");
  }

  @Test
  void actionUnknownComesBeforeBadAppId() {
    Map<String, String> q = valid("listagents");
    q.put("AppId", "x");
    assertCode(post(q, "{}"), Codes.ACTION_UNSUPPORTED, "listagents");
  }

  @Test
  void appIdMalformedOrMissing() {
    Map<String, String> q = valid("ListAgents");
    q.put("AppId", "12ab");
    assertCode(post(q, "{}"), Codes.APP_ID_INVALID, "12ab");
    q.put("AppId", "4294967296"); // uint32 max + 1
    assertCode(post(q, "{}"), Codes.APP_ID_INVALID, "unsigned 32-bit");
    q.remove("AppId");
    assertCode(post(q, "{}"), Codes.APP_ID_INVALID, "missing");
  }

  @Test
  void appIdUnknown() {
    Map<String, String> q = valid("ListAgents");
    q.put("AppId", "7");
    assertCode(post(q, "{}"), Codes.SERVER_SECRET_UNAVAILABLE, "AppId 7");
  }

  @Test
  void timestampMissingThenMalformed() {
    Map<String, String> q = valid("ListAgents");
    q.remove("Timestamp");
    q.remove("Signature"); // a later check must not win
    assertCode(post(q, "{}"), Codes.TIMESTAMP_EMPTY, "Timestamp");
    q.put("Timestamp", "2026-01-01");
    assertCode(post(q, "{}"), Codes.TIMESTAMP_INVALID, "Unix time in seconds");
  }

  @Test
  void nonceSignatureAndVersionMissingInThatOrder() {
    Map<String, String> q = valid("ListAgents");
    q.remove("SignatureNonce");
    q.remove("Signature");
    q.remove("SignatureVersion");
    assertCode(post(q, "{}"), Codes.SIGNATURE_NONCE_EMPTY, "SignatureNonce");
    q.put("SignatureNonce", "abc");
    assertCode(post(q, "{}"), Codes.SIGNATURE_EMPTY, "Signature");
    q.put("Signature", "00");
    assertCode(post(q, "{}"), Codes.SIGNATURE_VERSION_EMPTY, "SignatureVersion");
  }

  @Test
  void signatureVersionOtherThan2() {
    Map<String, String> q = valid("ListAgents");
    q.put("SignatureVersion", "1.0");
    assertCode(post(q, "{}"), Codes.SIGNATURE_VERSION_UNSUPPORTED, "only 2.0");
  }

  @Test
  void timestampToleranceIsInclusive() {
    Map<String, String> q = valid("ListAgents");
    long now = Math.floorDiv(server.clock().millis(), 1000);
    for (long ts : new long[] {now - 600, now + 600}) {
      q.put("Timestamp", Long.toString(ts));
      q.put("Signature", RawApi.md5Signature(APP, q.get("SignatureNonce"), SECRET, ts));
      assertCode(post(q, "{}"), 0, "success");
    }
    for (long ts : new long[] {now - 601, now + 601}) {
      q.put("Timestamp", Long.toString(ts));
      q.put("Signature", RawApi.md5Signature(APP, q.get("SignatureNonce"), SECRET, ts));
      assertCode(post(q, "{}"), Codes.SIGNATURE_EXPIRED, "601 s");
    }
  }

  @Test
  void millisecondTimestampsGetAHint() {
    Map<String, String> q = valid("ListAgents");
    long millis = server.clock().millis();
    q.put("Timestamp", Long.toString(millis));
    q.put("Signature", RawApi.md5Signature(APP, q.get("SignatureNonce"), SECRET, millis));
    assertCode(post(q, "{}"), Codes.SIGNATURE_EXPIRED, "in seconds, not milliseconds");
  }

  @Test
  void expiryFollowsTheMockClock() {
    Map<String, String> q = valid("ListAgents");
    server.advanceClock(Duration.ofMinutes(11));
    assertCode(post(q, "{}"), Codes.SIGNATURE_EXPIRED, "at most 600 s");
  }

  @Test
  void wrongSignature() {
    Map<String, String> q = valid("ListAgents");
    q.put("Signature", RawApi.md5Signature(APP, q.get("SignatureNonce"), "wrong-secret",
        Long.parseLong(q.get("Timestamp"))));
    JsonNode r = post(q, "{}");
    assertCode(r, Codes.SIGNATURE_WRONG, "does not match");
    assertThat(r.toString()).doesNotContain(SECRET);
  }

  @Test
  void secondAppUsesItsOwnSecret() {
    RawApi other = new RawApi(server, 42L, "other-secret");
    other.ok("RegisterAgent", Bodies.agent("a42"));
    assertThat(server.agents()).extracting(a -> a.getAppId() + ":" + a.getAgentId()).containsExactly("42:a42");
  }

  @Test
  void lenientNonceAcceptsBase36AndReuse() {
    Map<String, String> q = valid("ListAgents");
    q.put("SignatureNonce", "k3j5x9q1z");
    q.put("Signature", RawApi.md5Signature(APP, "k3j5x9q1z", SECRET, Long.parseLong(q.get("Timestamp"))));
    assertCode(post(q, "{}"), 0, "success");
    assertCode(post(q, "{}"), 0, "success");
  }

  @Test
  void strictModeChecksNonceFormatAndReplay() {
    try (MockServer strict = MockServer.start(TestServers.config().strict(true).build())) {
      RawApi s = new RawApi(strict);
      long ts = Math.floorDiv(strict.clock().millis(), 1000);
      String q36 = "/?Action=ListAgents&AppId=" + APP + "&SignatureNonce=k3j5x9q1z&Timestamp=" + ts
          + "&Signature=" + RawApi.md5Signature(APP, "k3j5x9q1z", SECRET, ts) + "&SignatureVersion=2.0";
      assertCode(s.send("POST", q36, "{}"), Codes.SIGNATURE_NONCE_EMPTY, "16 lowercase hexadecimal");
      String hex = "/?Action=ListAgents&AppId=" + APP + "&SignatureNonce=00112233aabbccdd&Timestamp=" + ts
          + "&Signature=" + RawApi.md5Signature(APP, "00112233aabbccdd", SECRET, ts) + "&SignatureVersion=2.0";
      assertCode(s.send("POST", hex, "{}"), 0, "success");
      assertCode(s.send("POST", hex, "{}"), Codes.SIGNATURE_WRONG, "already used");
      strict.advanceClock(Duration.ofSeconds(601)); // outside the window the nonce is forgotten ...
      long ts2 = Math.floorDiv(strict.clock().millis(), 1000);
      String again = "/?Action=ListAgents&AppId=" + APP + "&SignatureNonce=00112233aabbccdd&Timestamp=" + ts2
          + "&Signature=" + RawApi.md5Signature(APP, "00112233aabbccdd", SECRET, ts2) + "&SignatureVersion=2.0";
      assertCode(s.send("POST", again, "{}"), 0, "success"); // ... and the old timestamp expired anyway
    }
  }

  @Test
  void unknownPathAndNonPost() {
    assertCode(api.send("POST", "/CreateAgentInstance?" + api.signedQuery("ListAgents"), "{}"),
        Codes.ACTION_UNSUPPORTED, "/CreateAgentInstance");
    assertCode(api.send("GET", "/?" + api.signedQuery("ListAgents"), null),
        Codes.BODY_UNREADABLE, "method GET");
    assertCode(api.send("PUT", "/?" + api.signedQuery("ListAgents"), "{}"),
        Codes.BODY_UNREADABLE, "method PUT");
  }

  @Test
  void oversizedBody() {
    try (MockServer small = MockServer.start(TestServers.config().maxBodyBytes(100).build())) {
      RawApi s = new RawApi(small);
      String big = "{\"Cursor\":\"" + "x".repeat(200) + "\"}";
      assertCode(s.send("POST", "/?" + s.signedQuery("ListAgents"), big), Codes.BODY_UNREADABLE,
          "larger than 100 bytes");
      assertCode(s.send("POST", "/?" + s.signedQuery("ListAgents"), "{}"), 0, "success");
    }
  }

  @Test
  void bodyNotJson() {
    assertCode(api.send("POST", "/?" + api.signedQuery("ListAgents"), "{\"Limit\":"),
        Codes.JSON_PARSE_FAILED, "JSON parse failed");
    assertCode(api.send("POST", "/?" + api.signedQuery("ListAgents"), ""),
        Codes.JSON_PARSE_FAILED, "empty");
    assertCode(api.send("POST", "/?" + api.signedQuery("ListAgents"), "{} {}"),
        Codes.JSON_PARSE_FAILED, "JSON parse failed");
    assertCode(api.send("POST", "/?" + api.signedQuery("ListAgents"), "[1]"),
        Codes.INVALID_PARAMETER, "body: expected object, found array");
  }

  @Test
  void journalMasksSignatureAndNeverHoldsTheSecret() {
    api.ok("RegisterAgent", Bodies.agent("j1"));
    var e = server.journal().get(server.journal().size() - 1);
    assertThat(e.getAction()).isEqualTo("RegisterAgent");
    assertThat(e.getQuery()).contains("Signature=***").doesNotContainPattern("Signature=[0-9a-f]{32}");
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(server.config().toString()).doesNotContain(SECRET);
    // Credentials the contract marks x-zego-secret are masked in the journal body.
    assertThat(e.getBody()).contains("\"ApiKey\":\"***\"").contains("\"app\":\"***\"").doesNotContain("sk-test");
  }
}
