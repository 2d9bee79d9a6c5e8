package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-side raw HTTP client: signs like a real client (its own MD5 code, not the mock's) and
 * checks every answer is HTTP 200 with an envelope whose Code the contract allows for the action.
 */
public final class RawApi {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong NONCE = new AtomicLong(0x1000_0000_0000_0000L);

  private final java.util.function.LongSupplier clockMillis;
  private final URI base;
  private final long appId;
  private final String secret;
  private boolean checkCodes = true;

  RawApi(MockServer server) {
    this(server, server.appId(), server.serverSecret());
  }

  RawApi(MockServer server, long appId, String secret) {
    this(server.baseUrl(), appId, secret, () -> server.clock().millis());
  }

  /** For a server in another process: signs with the system clock. */
  RawApi(URI base, long appId, String secret, java.util.function.LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
    this.base = base;
    this.appId = appId;
    this.secret = secret;
  }

  /** Injected faults answer any code: turn the contract check off for them. */
  RawApi uncheckedCodes() {
    checkCodes = false;
    return this;
  }

  static String md5Signature(long appId, String nonce, String secret, long ts) {
    try {
      byte[] d = MessageDigest.getInstance("MD5")
          .digest((appId + nonce + secret + ts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String signedQuery(String action) {
    String nonce = Long.toHexString(NONCE.incrementAndGet());
    long ts = Math.floorDiv(clockMillis.getAsLong(), 1000);
    return "Action=" + action + "&AppId=" + appId + "&SignatureNonce=" + nonce + "&Timestamp=" + ts
        + "&Signature=" + md5Signature(appId, nonce, secret, ts) + "&SignatureVersion=2.0";
  }

  /** POST a signed call. */
  JsonNode call(String action, String body) {
    return checked(action, send("POST", "/?" + signedQuery(action), body));
  }

  JsonNode call(String action, JsonNode body) {
    return call(action, body.toString());
  }

  /** Calls and asserts Code 0; returns Data (or a missing node). */
  JsonNode ok(String action, String body) {
    JsonNode r = call(action, body);
    assertThat(r.path("Code").asInt(-1)).as("%s answered %s", action, r).isZero();
    return r.path("Data");
  }

  /** Calls and asserts the code; returns the Message. */
  String fails(String action, String body, int code) {
    JsonNode r = call(action, body);
    assertThat(r.path("Code").asInt()).as("%s answered %s", action, r).isEqualTo(code);
    assertThat(r.path("Message").asText()).isNotBlank();
    assertThat(r.has("Data") && !r.get("Data").isNull()).as("no Data on errors").isFalse();
    return r.path("Message").asText();
  }

  /** Any method, path with query, body; must still be HTTP 200 + envelope. */
  JsonNode send(String method, String pathAndQuery, String body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + pathAndQuery))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as("HTTP status of %s %s", method, pathAndQuery).isEqualTo(200);
      JsonNode n = JSON.readTree(res.body());
      assertThat(n.has("Code") && n.has("Message") && n.has("RequestId")).as("envelope %s", n).isTrue();
      assertThat(n.get("RequestId").asText()).matches("[0-9]+");
      return n;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Code must be a gateway code, a scope-all code, or in the action's x-zego-errors; the
   * answer must match its schema in the contract ({@link ContractSchemas}).
   */
  private JsonNode checked(String action, JsonNode r) {
    if (ActionHandler.table().containsKey(action)) {
      assertThat(ContractSchemas.answerViolations(action, r)).as("%s answered %s", action, r).isEmpty();
    }
    int code = r.path("Code").asInt();
    if (checkCodes && code != 0) {
      assertThat(allowed(action, code)).as("Code %s is not listed for %s in the contract: %s",
          code, action, r).isTrue();
    }
    return r;
  }

  static boolean allowed(String action, int code) {
    var rc = Contract.load().returnCode(code).orElse(null);
    if (rc == null) {
      return false;
    }
    if ("gateway".equals(rc.layer()) || rc.anyAction()) {
      return true;
    }
    Map<String, ActionHandler.Action<CallContext>> t = ActionHandler.table();
    return t.containsKey(action) && t.get(action).errorCodes().contains(code);
  }
}
