package io.github.zegoaiagent.client.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Verifies the signature of a server callback: {@code lowercase_hex(SHA1(s1 + s2 + s3))} where
 * s1..s3 are the callback secret, the Timestamp and the Nonce sorted as strings. The callback
 * secret is the console's CallbackSecret, not the ServerSecret. Comparison is constant-time.
 */
public final class CallbackVerifier {

  private final String callbackSecret;

  /** @param callbackSecret the App's callback secret */
  public CallbackVerifier(String callbackSecret) {
    if (callbackSecret == null || callbackSecret.isEmpty()) {
      throw new IllegalArgumentException("callbackSecret must not be empty");
    }
    this.callbackSecret = callbackSecret;
  }

  /**
   * @param timestamp the Timestamp as its decimal string (milliseconds for AI Agent callbacks)
   * @param nonce the Nonce
   * @return the expected Signature
   */
  public String expectedSignature(String timestamp, String nonce) {
    String[] parts = {callbackSecret, Objects.requireNonNull(timestamp, "timestamp"), Objects.requireNonNull(nonce, "nonce")};
    Arrays.sort(parts);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }

  /**
   * @param timestamp the Timestamp as a decimal string
   * @param nonce the Nonce
   * @param signature the Signature received
   * @return true when the signature is genuine
   */
  public boolean isValid(String timestamp, String nonce, String signature) {
    if (timestamp == null || nonce == null || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(expectedSignature(timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
        signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "CallbackVerifier[callbackSecret=***]";
  }
}
