package io.github.zegoaiagent.mock.internal.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Request signature, version 2.0 (reference §2.1). */
public final class Signatures {
  private Signatures() {
  }

  /**
   * @return {@code lowercase_hex(MD5(AppId + SignatureNonce + ServerSecret + Timestamp))}
   */
  public static String sign(long appId, String nonce, String serverSecret, long timestamp) {
    return sign(appId, nonce, serverSecret, Long.toString(timestamp));
  }

  /**
   * @param timestamp the Timestamp exactly as sent (the gateway signs the text, not the number)
   * @return {@code lowercase_hex(MD5(AppId + SignatureNonce + ServerSecret + Timestamp))}
   */
  public static String sign(long appId, String nonce, String serverSecret, String timestamp) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] d = md5.digest((appId + nonce + serverSecret + timestamp).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 missing from the JDK", e);
    }
  }

  /**
   * Compares in time independent of where the strings differ.
   *
   * @return whether both are equal
   */
  public static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        actual.getBytes(StandardCharsets.UTF_8));
  }
}
