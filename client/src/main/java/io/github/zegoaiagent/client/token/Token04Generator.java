package io.github.zegoaiagent.client.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues Token04 user tokens for one App. Immutable and thread-safe: build one and share it (the
 * Spring Boot starter exposes one as a bean).
 *
 * <pre>{@code
 * Token04Generator tokens = Token04Generator.builder().appId(appId).serverSecret(serverSecret).build();
 * String token = tokens.generate("user_1", Duration.ofHours(1));
 * }</pre>
 *
 * <p>Rules (the strictest of the vendor's reference generators): AppId in 1..4294967295; user ID
 * non-empty and at most 64 UTF-16 characters; ServerSecret exactly 32 bytes, used as the AES-256
 * key as is (not hex-decoded); validity a positive whole number of seconds. A violation throws
 * {@link Token04Exception} at {@code build()} or {@code generate}.
 */
public final class Token04Generator {

  static final String VERSION = "04";
  static final int GCM_TAG_BITS = 128;
  static final byte GCM_MODE_BYTE = 1;
  static final int MAX_USER_ID_LENGTH = 64;
  static final long MAX_APP_ID = 0xFFFF_FFFFL;
  static final int SECRET_BYTES = 32;

  private final long appId;
  private final SecretKeySpec key;
  private final Token04Variant variant;
  private final Clock clock;
  private final TokenRandomness randomness;

  private Token04Generator(Builder b) {
    this.appId = checkAppId(b.appId);
    this.key = key(b.serverSecret);
    this.variant = Objects.requireNonNull(b.variant, "variant");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.randomness = Objects.requireNonNull(b.randomness, "randomness");
  }

  /** @return a builder: GCM, the system clock and {@code SecureRandom} unless told otherwise */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A basic token (no payload).
   *
   * @param userId the user the token is for, as the client SDK will log in
   * @param validity how long from now the token is valid, whole seconds
   * @return the token, {@code "04"} followed by standard base64
   */
  public String generate(String userId, Duration validity) {
    return generate(userId, validity, "");
  }

  /**
   * A strict token limited by an RTC privilege payload.
   *
   * @param userId the user
   * @param validity how long from now, whole seconds
   * @param privilege the room and privileges
   * @return the token
   */
  public String generate(String userId, Duration validity, RtcPrivilege privilege) {
    return generate(userId, validity, Objects.requireNonNull(privilege, "privilege").toPayload());
  }

  /**
   * A token with a free-form payload string (use {@code ""} for none).
   *
   * @param userId the user
   * @param validity how long from now, whole seconds
   * @param payload the payload text, not null
   * @return the token
   */
  public String generate(String userId, Duration validity, String payload) {
    checkUserId(userId);
    Objects.requireNonNull(payload, "payload (use \"\" for none)");
    long seconds = checkValidity(validity);
    long ctime = Math.floorDiv(clock.millis(), 1000L);
    long expire;
    try {
      expire = Math.addExact(ctime, seconds);
    } catch (ArithmeticException e) {
      throw new Token04Exception(Token04Exception.Reason.VALIDITY, "validity " + validity + " overflows the expiry time");
    }
    int nonce = randomness.nextNonce();
    StringBuilder json = new StringBuilder(128 + payload.length() + userId.length());
    json.append("{\"app_id\":").append(appId).append(",\"user_id\":");
    TokenJson.string(json, userId);
    json.append(",\"nonce\":").append(nonce).append(",\"ctime\":").append(ctime).append(",\"expire\":").append(expire)
        .append(",\"payload\":");
    TokenJson.string(json, payload);
    json.append('}');
    byte[] iv = randomness.nextIv(variant.ivLength());
    if (iv == null || iv.length != variant.ivLength()) {
      throw new IllegalStateException("TokenRandomness returned an IV of the wrong length for " + variant);
    }
    byte[] ciphertext = encrypt(json.toString().getBytes(StandardCharsets.UTF_8), iv);
    if (ciphertext.length > 0xFFFF) {
      throw new Token04Exception(Token04Exception.Reason.CONTENT_TOO_LONG, "token content too long (" + ciphertext.length
          + " encrypted bytes, at most 65535): shorten the payload");
    }
    ByteBuffer body = ByteBuffer.allocate(8 + 2 + iv.length + 2 + ciphertext.length + (variant == Token04Variant.GCM ? 1 : 0));
    body.putLong(expire).putShort((short) iv.length).put(iv).putShort((short) ciphertext.length).put(ciphertext);
    if (variant == Token04Variant.GCM) {
      body.put(GCM_MODE_BYTE);
    }
    return VERSION + Base64.getEncoder().encodeToString(body.array());
  }

  private byte[] encrypt(byte[] plaintext, byte[] iv) {
    try {
      return cipher(Cipher.ENCRYPT_MODE, variant, key, iv).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      // AES-256 with GCM and CBC is required of every Java platform since 8u161.
      throw new IllegalStateException("AES-256 " + variant + " is not available: " + e.getClass().getName());
    }
  }

  /** The cipher of a variant: AES/GCM without AAD and a 128-bit tag, or AES/CBC with PKCS#7 padding. */
  static Cipher cipher(int mode, Token04Variant variant, SecretKeySpec key, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(variant == Token04Variant.GCM ? "AES/GCM/NoPadding" : "AES/CBC/PKCS5Padding");
    cipher.init(mode, key, variant == Token04Variant.GCM ? new GCMParameterSpec(GCM_TAG_BITS, iv) : new IvParameterSpec(iv));
    return cipher;
  }

  static long checkAppId(long appId) {
    if (appId < 1 || appId > MAX_APP_ID) {
      throw new Token04Exception(Token04Exception.Reason.APP_ID, "appId must be in 1.." + MAX_APP_ID + ", got " + appId);
    }
    return appId;
  }

  static void checkUserId(String userId) {
    if (userId == null || userId.isEmpty()) {
      throw new Token04Exception(Token04Exception.Reason.USER_ID, "userId must not be null or empty");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new Token04Exception(Token04Exception.Reason.USER_ID,
          "userId must be at most " + MAX_USER_ID_LENGTH + " characters, got " + userId.length());
    }
  }

  static long checkValidity(Duration validity) {
    if (validity == null || validity.isNegative() || validity.isZero() || validity.getNano() != 0) {
      throw new Token04Exception(Token04Exception.Reason.VALIDITY,
          "validity must be a positive whole number of seconds, got " + validity);
    }
    return validity.getSeconds();
  }

  static SecretKeySpec key(String serverSecret) {
    // The message never shows the secret, nor its length.
    if (serverSecret == null) {
      throw new Token04Exception(Token04Exception.Reason.SERVER_SECRET, "serverSecret must not be null");
    }
    byte[] bytes = serverSecret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != SECRET_BYTES) {
      throw new Token04Exception(Token04Exception.Reason.SERVER_SECRET,
          "serverSecret must be exactly " + SECRET_BYTES + " bytes (the console's 32-character ASCII ServerSecret)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  @Override
  public String toString() {
    return "Token04Generator[appId=" + appId + ", variant=" + variant + ", serverSecret=***]";
  }

  /** Configures a {@link Token04Generator}. */
  public static final class Builder {

    private long appId;
    private String serverSecret;
    private Token04Variant variant = Token04Variant.GCM;
    private Clock clock = Clock.systemUTC();
    private TokenRandomness randomness = TokenRandomness.secure();

    private Builder() { }

    /**
     * @param appId the AppID, 1..4294967295
     * @return this
     */
    public Builder appId(long appId) {
      this.appId = appId;
      return this;
    }

    /**
     * @param serverSecret the App's 32-character ServerSecret (the same one that signs API calls)
     * @return this
     */
    public Builder serverSecret(String serverSecret) {
      this.serverSecret = serverSecret;
      return this;
    }

    /**
     * @param variant GCM (default, current) or CBC (legacy)
     * @return this
     */
    public Builder variant(Token04Variant variant) {
      this.variant = variant;
      return this;
    }

    /**
     * @param clock the source of {@code ctime}; tests inject a fixed clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * @param randomness the source of nonce and IV; tests pin them
     * @return this
     */
    public Builder randomness(TokenRandomness randomness) {
      this.randomness = randomness;
      return this;
    }

    /**
     * @return the generator
     * @throws Token04Exception when the AppId or ServerSecret is invalid
     */
    public Token04Generator build() {
      return new Token04Generator(this);
    }

    @Override
    public String toString() {
      return "Token04Generator.Builder[appId=" + appId + ", variant=" + variant + ", serverSecret=***]";
    }
  }
}
