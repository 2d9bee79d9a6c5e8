package io.github.zegoaiagent.client.sign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signs requests with SignatureVersion 2.0:
 * {@code Signature = lowercase_hex(MD5(AppId + SignatureNonce + ServerSecret + Timestamp))}.
 * Each call to {@link #sign()} draws a fresh nonce from {@link SecureRandom} and reads the clock, so
 * every attempt of a request carries its own nonce and signature. Thread-safe: nonces come from a
 * small stripe of {@code SHA1PRNG} {@code SecureRandom}s (self-seeded from the platform's entropy;
 * several times cheaper per nonce than DRBG) picked per call at random, because the platform
 * default ({@code NativePRNG}) reads {@code /dev/urandom} under one lock for the whole JVM, which
 * serialised concurrent calls (no ThreadLocal: with virtual threads it would seed a new generator
 * per call).
 */
public final class RequestSigner {

  private static final HexFormat HEX = HexFormat.of();

  private final long appId;
  private final String serverSecret;
  private final Clock clock;
  private final SecureRandom random;
  private static final SecureRandom[] STRIPE = stripe();

  /**
   * @param appId the AppId (unsigned 32-bit)
   * @param serverSecret the project's ServerSecret; never sent, logged or printed
   * @param clock the clock whose seconds become the Timestamp
   */
  public RequestSigner(long appId, String serverSecret, Clock clock) {
    this.appId = appId;
    this.serverSecret = Objects.requireNonNull(serverSecret, "serverSecret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = null;
  }

  RequestSigner(long appId, String serverSecret, Clock clock, SecureRandom random) {
    this.appId = appId;
    this.serverSecret = Objects.requireNonNull(serverSecret, "serverSecret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  private static SecureRandom[] stripe() {
    int n = Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 2);
    SecureRandom[] stripe = new SecureRandom[n];
    for (int i = 0; i < n; i++) {
      stripe[i] = generator();
    }
    return stripe;
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** @return fresh signed parameters for one request attempt */
  public SignedParameters sign() {
    byte[] bytes = new byte[8];
    (random != null ? random : STRIPE[ThreadLocalRandom.current().nextInt(STRIPE.length)]).nextBytes(bytes);
    String nonce = HEX.formatHex(bytes);
    long timestamp = clock.instant().getEpochSecond();
    return new SignedParameters(appId, nonce, timestamp, signature(appId, nonce, serverSecret, timestamp));
  }

  /**
   * Computes a SignatureVersion 2.0 signature.
   *
   * @param appId the AppId, rendered in decimal
   * @param nonce the SignatureNonce
   * @param serverSecret the ServerSecret
   * @param timestamp the Timestamp in Unix seconds, rendered in decimal
   * @return 32 lowercase hex characters
   */
  public static String signature(long appId, String nonce, String serverSecret, long timestamp) {
    String preImage = Long.toString(appId) + nonce + serverSecret + timestamp;
    return HEX.formatHex(md5().digest(preImage.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "RequestSigner[appId=" + appId + ", serverSecret=***]";
  }
}
