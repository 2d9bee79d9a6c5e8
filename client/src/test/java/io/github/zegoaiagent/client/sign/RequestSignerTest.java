package io.github.zegoaiagent.client.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

  @ParameterizedTest(name = "AppId {0}, nonce {1}")
  @CsvSource({
      // Vendor-documented vector (reference §2.5).
      "12345, 4fd24687296dd9f3, 9193cc662a4c0ec135ec71fb57194b38, 1615186943, 43e5cfcca828314675f91b001390566a",
      // Locally computed vectors (reference §2.5).
      "1234567890, 0123456789abcdef, 0123456789abcdef0123456789abcdef, 1700000000, 16623b00a07719a644da6752e631e98a",
      "4294967295, ffffffffffffffff, 9193cc662a4c0ec135ec71fb57194b38, 1767225600, 8f2a081229ca1a27efbb587224e5778a",
  })
  void matchesTheReferenceVectors(long appId, String nonce, String secret, long timestamp, String expected) {
    assertThat(RequestSigner.signature(appId, nonce, secret, timestamp)).isEqualTo(expected);
  }

  @Test
  void signsWithAFreshHexNonceAndTheClockSeconds() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_767_225_600L, 999_000_000L), ZoneOffset.UTC);
    RequestSigner signer = new RequestSigner(4294967295L, "9193cc662a4c0ec135ec71fb57194b38", clock);
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      SignedParameters p = signer.sign();
      assertThat(p.nonce()).matches("[0-9a-f]{16}");
      assertThat(p.timestamp()).isEqualTo(1_767_225_600L); // seconds, not milliseconds
      assertThat(p.signature())
          .isEqualTo(RequestSigner.signature(4294967295L, p.nonce(), "9193cc662a4c0ec135ec71fb57194b38", p.timestamp()));
      nonces.add(p.nonce());
    }
    assertThat(nonces).hasSize(200);
  }

  @Test
  void neverPrintsTheSecretOrTheSignature() {
    RequestSigner signer = new RequestSigner(1L, "top-secret-value", Clock.systemUTC());
    SignedParameters p = signer.sign();
    assertThat(signer.toString()).doesNotContain("top-secret-value");
    assertThat(p.toString()).doesNotContain(p.signature()).contains(p.nonce());
  }
}
