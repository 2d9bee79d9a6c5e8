package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Strict mode without holes (issue 14 item 5): a nonce is remembered as long as its request's
 * Timestamp is valid, a full registry refuses (100000015) instead of forgetting, and the
 * signature covers the Timestamp text as sent.
 */
class StrictNonceTest {
  static final long APP = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  final MockClock clock = MockClock.fixed(TestServers.START);
  final int tolerance = Contract.load().limit("timestampToleranceSeconds");

  Gateway gateway(int maxNonces) {
    return new Gateway(Set.of("ListAgents"), Map.of(APP, SECRET), clock, tolerance, true, maxNonces);
  }

  static Map<String, String> query(String nonce, String ts) {
    Map<String, String> q = new HashMap<>();
    q.put("Action", "ListAgents");
    q.put("AppId", Long.toString(APP));
    q.put("SignatureNonce", nonce);
    q.put("Timestamp", ts);
    q.put("Signature", md5(nonce, ts));
    q.put("SignatureVersion", "2.0");
    return q;
  }

  /** The test's own MD5 over the text (RawApi's helper takes a number). */
  static String md5(String nonce, String ts) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
          .digest((APP + nonce + SECRET + ts).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  long nowSeconds() {
    return Math.floorDiv(clock.millis(), 1000);
  }

  static int code(Runnable r) {
    ApiError e = catchThrowableOfType(ApiError.class, r::run);
    return e == null ? 0 : e.code();
  }

  @Test
  void aNonceIsRememberedAsLongAsItsOwnTimestampIsValid() {
    Gateway g = gateway(100);
    Map<String, String> q = query("00000000000000a1", Long.toString(nowSeconds() + tolerance));
    assertThat(code(() -> g.check(q))).isZero();
    assertThat(code(() -> g.check(q))).isEqualTo(100000005);
    // Later than the tolerance after receipt, the request's Timestamp is still valid: still a replay.
    clock.advance(Duration.ofSeconds(tolerance + 1));
    assertThat(code(() -> g.check(q))).isEqualTo(100000005);
    clock.advance(Duration.ofSeconds(tolerance - 1)); // Timestamp exactly at the inclusive boundary
    assertThat(code(() -> g.check(q))).isEqualTo(100000005);
    clock.advance(Duration.ofSeconds(1)); // now the Timestamp itself is refused
    assertThat(code(() -> g.check(q))).isEqualTo(100000004);
  }

  @Test
  void aFullRegistryRefusesInsteadOfForgetting() {
    Gateway g = gateway(3);
    String ts = Long.toString(nowSeconds());
    for (int i = 1; i <= 3; i++) {
      Map<String, String> q = query("000000000000000" + i, ts);
      assertThat(code(() -> g.check(q))).isZero();
    }
    assertThat(code(() -> g.check(query("0000000000000004", ts)))).isEqualTo(100000015);
    // Nothing was forgotten: the first nonce is still a replay.
    assertThat(code(() -> g.check(query("0000000000000001", ts)))).isEqualTo(100000005);
    // Once those Timestamps leave the window, room is made again.
    clock.advance(Duration.ofSeconds(tolerance + 1));
    assertThat(code(() -> g.check(query("0000000000000004", Long.toString(nowSeconds()))))).isZero();
    assertThat(Contract.load().returnCode(100000015).orElseThrow().retryable())
        .as("the refusal is a documented, retryable code").isTrue();
  }

  @Test
  void theSignatureCoversTheTimestampTextAsSent() {
    Gateway g = gateway(100);
    String padded = "0" + nowSeconds();
    Map<String, String> asSent = query("00000000000000b1", padded);
    assertThat(code(() -> g.check(asSent))).isZero();
    Map<String, String> overNumber = query("00000000000000b2", padded);
    overNumber.put("Signature", Signatures.sign(APP, "00000000000000b2", SECRET, nowSeconds()));
    assertThat(code(() -> g.check(overNumber))).isEqualTo(100000005);
  }
}
