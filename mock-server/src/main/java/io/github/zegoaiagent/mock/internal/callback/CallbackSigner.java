package io.github.zegoaiagent.mock.internal.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Callback signature (reference §8.5): lowercase hex SHA-1 of the callback secret, the Timestamp
 * and the Nonce, sorted as strings and concatenated.
 */
public final class CallbackSigner {
  private CallbackSigner() {
  }

  /**
   * @param callbackSecret the App's callback secret
   * @param timestamp the event's Timestamp as a decimal string
   * @param nonce the event's Nonce
   * @return 40 lowercase hex characters
   */
  public static String sign(String callbackSecret, String timestamp, String nonce) {
    String[] parts = {callbackSecret, timestamp, nonce};
    Arrays.sort(parts);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] d = sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }
}
