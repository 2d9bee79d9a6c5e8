package io.github.zegoaiagent.client.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * ZEGOCLOUD Token04: the token an end user's client SDK logs into an RTC room (or ZIM) with, issued
 * by your backend from the AppId and ServerSecret. {@code "04"} + base64 of an AES-256 encrypted
 * JSON ({@code app_id}, {@code user_id}, {@code nonce}, {@code ctime}, {@code expire},
 * {@code payload}) behind a clear header.
 *
 * <pre>{@code
 * String token = Token04.generate(appId, "user_1", serverSecret, Duration.ofHours(1));
 * }</pre>
 *
 * <p>These static methods use the current (GCM) variant, the system clock and {@code SecureRandom};
 * {@link Token04Generator} configures the variant, clock and randomness and is what a backend keeps.
 */
public final class Token04 {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Token04() { }

  /**
   * @param appId the AppID, 1..4294967295
   * @param userId the user ID, 1..64 characters
   * @param serverSecret the App's 32-character ServerSecret
   * @param validity how long from now the token is valid, whole seconds
   * @return a basic token (no payload), GCM variant
   * @throws Token04Exception when an input is invalid (the message never contains the secret)
   */
  public static String generate(long appId, String userId, String serverSecret, Duration validity) {
    return Token04Generator.builder().appId(appId).serverSecret(serverSecret).build().generate(userId, validity);
  }

  /**
   * @param appId the AppID
   * @param userId the user ID
   * @param serverSecret the ServerSecret
   * @param validity how long from now, whole seconds
   * @param privilege the room and privileges of a strict token
   * @return a strict token, GCM variant
   * @throws Token04Exception when an input is invalid
   */
  public static String generate(long appId, String userId, String serverSecret, Duration validity, RtcPrivilege privilege) {
    return Token04Generator.builder().appId(appId).serverSecret(serverSecret).build().generate(userId, validity, privilege);
  }

  /**
   * Decrypts a token, either variant (a final byte {@code 1} after the ciphertext means GCM, none
   * means CBC, anything else is refused). For tests and diagnostics; it does not check expiry.
   *
   * @param token the token
   * @param serverSecret the ServerSecret it was issued with
   * @return its content
   * @throws Token04Exception ({@code MALFORMED_TOKEN}) when it is not a Token04 of this secret
   */
  public static DecodedToken04 decode(String token, String serverSecret) {
    SecretKeySpec key = Token04Generator.key(serverSecret);
    if (token == null || !token.startsWith(Token04Generator.VERSION)) {
      throw malformed("does not start with \"04\"", null);
    }
    byte[] body;
    try {
      body = Base64.getDecoder().decode(token.substring(2));
    } catch (IllegalArgumentException e) {
      throw malformed("is not standard base64 after \"04\"", null);
    }
    ByteBuffer in = ByteBuffer.wrap(body);
    long headerExpire;
    byte[] iv;
    byte[] ciphertext;
    try {
      headerExpire = in.getLong();
      iv = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(iv);
      ciphertext = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(ciphertext);
    } catch (BufferUnderflowException e) {
      throw malformed("is truncated (" + body.length + " bytes)", null);
    }
    Token04Variant variant;
    if (in.remaining() == 0) {
      variant = Token04Variant.CBC;
    } else if (in.remaining() == 1 && in.get() == Token04Generator.GCM_MODE_BYTE) {
      variant = Token04Variant.GCM;
    } else {
      throw malformed("has unexpected bytes after the ciphertext", null);
    }
    byte[] plaintext;
    try {
      Cipher cipher = Token04Generator.cipher(Cipher.DECRYPT_MODE, variant, key, iv);
      plaintext = cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw malformed("does not decrypt with this secret (" + variant + ")", null);
    }
    String json = new String(plaintext, StandardCharsets.UTF_8);
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw malformed("decrypts to something that is not JSON", null);
    }
    if (tree == null || !tree.isObject()) {
      throw malformed("decrypts to something that is not a JSON object", null);
    }
    JsonNode payload = tree.get("payload");
    Arrays.fill(plaintext, (byte) 0);
    return new DecodedToken04(variant, headerExpire, HexFormat.of().formatHex(iv), tree.path("app_id").asLong(),
        tree.path("user_id").asText(null), tree.path("nonce").asLong(), tree.path("ctime").asLong(),
        tree.path("expire").asLong(), payload == null || payload.isNull() ? null : payload.asText(), json);
  }

  private static Token04Exception malformed(String what, Throwable cause) {
    return new Token04Exception(Token04Exception.Reason.MALFORMED_TOKEN, "token " + what, cause);
  }
}
