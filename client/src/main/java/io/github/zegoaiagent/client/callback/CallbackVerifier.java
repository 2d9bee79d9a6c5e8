package io.github.zegoaiagent.client.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies a server callback: the signature {@code lowercase_hex(SHA1(s1 + s2 + s3))} over the
 * callback secret, the Timestamp and the Nonce sorted as strings (compared in constant time), the
 * Timestamp (milliseconds) within a tolerance of the clock, and the Nonce not accepted before within
 * that window. The callback secret is the console's CallbackSecret, not the ServerSecret.
 *
 * <p><b>The vendor's signature does not cover the body.</b> Anyone who sees one signed callback can
 * pair its Timestamp, Nonce and Signature with another body. The tolerance and the duplicate store
 * limit that to a delivery that races the genuine one; receive callbacks over HTTPS only and, where
 * you can, allow only the service's addresses.
 *
 * <pre>{@code
 * CallbackVerifier verifier = CallbackVerifier.builder(callbackSecret)
 *     .tolerance(Duration.ofMinutes(5))          // default: the retry window plus one minute
 *     .duplicateStore(CallbackDuplicateStore.inMemory(100_000))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CallbackVerifier {

  /** Allowance for clock skew and delivery time on top of the service's retry window. */
  public static final Duration DEFAULT_SKEW_ALLOWANCE = Duration.ofMinutes(1);

  /** Keys the default in-memory store keeps at most. */
  public static final int DEFAULT_STORE_CAPACITY = 100_000;

  /** What {@link #verify} found. */
  public enum Verdict {
    /** Genuine, fresh and first seen: handle it. */
    GENUINE,
    /** Genuine and fresh, but this Nonce was accepted before: acknowledge, do not handle again. */
    DUPLICATE,
    /** Genuine signature, Timestamp outside the tolerance: refuse. */
    STALE,
    /** Wrong or missing signature: refuse. */
    FORGED,
    /** Genuine signature, but the Timestamp is not a decimal number of milliseconds: refuse. */
    MALFORMED
  }

  private final String callbackSecret;
  private final Clock clock;
  private final Duration tolerance;
  private final CallbackDuplicateStore store;

  /**
   * A verifier with the defaults: system clock, {@link #defaultTolerance()}, an in-memory store of
   * {@value #DEFAULT_STORE_CAPACITY} keys.
   *
   * @param callbackSecret the App's callback secret
   */
  public CallbackVerifier(String callbackSecret) {
    this(builder(callbackSecret));
  }

  private CallbackVerifier(Builder b) {
    if (b.callbackSecret == null || b.callbackSecret.isEmpty()) {
      throw new IllegalArgumentException("callbackSecret must not be empty");
    }
    if (b.tolerance.isNegative() || b.tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance must be positive, got " + b.tolerance);
    }
    this.callbackSecret = b.callbackSecret;
    this.clock = b.clock;
    this.tolerance = b.tolerance;
    this.store = b.store != null ? b.store : CallbackDuplicateStore.inMemory(DEFAULT_STORE_CAPACITY);
  }

  /**
   * @param callbackSecret the App's callback secret
   * @return a builder with the defaults
   */
  public static Builder builder(String callbackSecret) {
    return new Builder(callbackSecret);
  }

  /**
   * @return the service's retry window ({@link CallbackEvents#retryWindow()}, from the contract)
   *     plus {@link #DEFAULT_SKEW_ALLOWANCE}: a delivery retried with its first Timestamp is still
   *     accepted at the last retry
   */
  public static Duration defaultTolerance() {
    return CallbackEvents.retryWindow().plus(DEFAULT_SKEW_ALLOWANCE);
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
   * Checks the signature only (no tolerance, no duplicate check).
   *
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
        signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Checks signature, then Timestamp, then Nonce, and records a genuine Nonce as seen.
   *
   * @param timestamp the Timestamp as a decimal string of milliseconds
   * @param nonce the Nonce
   * @param signature the Signature received
   * @return the verdict; only {@link Verdict#GENUINE} should be handled
   */
  public Verdict verify(String timestamp, String nonce, String signature) {
    if (!isValid(timestamp, nonce, signature)) {
      return Verdict.FORGED;
    }
    long millis;
    try {
      millis = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Verdict.MALFORMED;
    }
    if (!fresh(millis)) {
      return Verdict.STALE;
    }
    return firstDelivery(nonceKey(nonce), millis) ? Verdict.GENUINE : Verdict.DUPLICATE;
  }

  boolean fresh(long timestampMillis) {
    long now = clock.millis();
    long tol = tolerance.toMillis();
    // Compared as bounds, not |now - ts|, which overflows for extreme Timestamps.
    return timestampMillis >= now - tol && timestampMillis <= now + tol;
  }

  /** Records a key for the tolerance window after the later of its Timestamp and now. */
  boolean firstDelivery(String key, long timestampMillis) {
    Instant now = clock.instant();
    Instant from = Instant.ofEpochMilli(Math.max(now.toEpochMilli(), timestampMillis));
    return store.markIfAbsent(key, now, from.plus(tolerance));
  }

  void forget(String key) {
    store.forget(key);
  }

  static String nonceKey(String nonce) {
    return "nonce:" + nonce;
  }

  /** @return how far a Timestamp may be from the clock */
  public Duration tolerance() {
    return tolerance;
  }

  /** @return the clock Timestamps are compared with */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "CallbackVerifier[callbackSecret=***, tolerance=" + tolerance + ", store=" + store + "]";
  }

  /** Configures a {@link CallbackVerifier}. */
  public static final class Builder {

    private final String callbackSecret;
    private Clock clock = Clock.systemUTC();
    private Duration tolerance = defaultTolerance();
    private CallbackDuplicateStore store;

    private Builder(String callbackSecret) {
      this.callbackSecret = callbackSecret;
    }

    /**
     * @param clock what Timestamps are compared with; tests inject a fixed clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param tolerance how far (either way) a Timestamp may be from the clock; default
     *     {@link #defaultTolerance()}. Shorter than the retry window refuses late retries that keep
     *     their first Timestamp.
     * @return this
     */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /**
     * @param store where accepted deliveries are remembered; default an in-memory store of
     *     {@value #DEFAULT_STORE_CAPACITY} keys
     * @return this
     */
    public Builder duplicateStore(CallbackDuplicateStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** @return the verifier */
    public CallbackVerifier build() {
      return new CallbackVerifier(this);
    }

    @Override
    public String toString() {
      return "CallbackVerifier.Builder[callbackSecret=***, tolerance=" + tolerance + "]";
    }
  }
}
