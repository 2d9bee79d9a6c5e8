package io.github.zegoaiagent.mock.internal.gateway;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.values.MockClock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's checks of the common query parameters, in the documented order; the first
 * failure is answered. Reference §1.3 and §2; the choices for undocumented cases are in
 * docs/contract-decisions.md.
 */
public final class Gateway {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
  private static final Pattern TIMESTAMP = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern STRICT_NONCE = Pattern.compile("[0-9a-f]{16}");
  /** Strict-mode nonces remembered at most (15.7 MiB of heap, measured); beyond, requests get 100000015. */
  public static final int MAX_REMEMBERED_NONCES = 100_000;

  private final Set<String> actions;
  private final Map<Long, String> secrets;
  private final MockClock clock;
  private final long toleranceSeconds;
  private final boolean strict;
  private final NonceRegistry nonces;

  /**
   * @param actions supported action names
   * @param secrets AppId → ServerSecret
   * @param clock simulation clock
   * @param toleranceSeconds accepted |now − Timestamp| (inclusive)
   * @param strict strict nonce checks
   */
  public Gateway(Set<String> actions, Map<Long, String> secrets, MockClock clock,
      int toleranceSeconds, boolean strict) {
    this(actions, secrets, clock, toleranceSeconds, strict, MAX_REMEMBERED_NONCES);
  }

  /**
   * @param actions supported action names
   * @param secrets AppId → ServerSecret
   * @param clock simulation clock
   * @param toleranceSeconds accepted |now − Timestamp| (inclusive)
   * @param strict strict nonce checks
   * @param maxNonces strict-mode nonces remembered at most
   */
  public Gateway(Set<String> actions, Map<Long, String> secrets, MockClock clock,
      int toleranceSeconds, boolean strict, int maxNonces) {
    this.actions = Set.copyOf(actions);
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
    this.toleranceSeconds = toleranceSeconds;
    this.strict = strict;
    this.nonces = new NonceRegistry(maxNonces);
  }

  /**
   * @param q decoded query parameters (first value of each)
   * @return the authenticated request's action and App
   * @throws ApiError with the gateway code of the first failed check
   */
  public Authenticated check(Map<String, String> q) {
    String action = q.get("Action");
    if (empty(action)) {
      throw new ApiError(Codes.ACTION_EMPTY, "Action: query parameter missing or empty");
    }
    if (!actions.contains(action)) {
      throw new ApiError(Codes.ACTION_UNSUPPORTED, "Action: \"" + clip(action)
          + "\" is not supported (names are case-sensitive, for example CreateAgentInstance)");
    }
    String appIdText = q.get("AppId");
    if (empty(appIdText) || !DIGITS.matcher(appIdText).matches()
        || Long.parseLong(appIdText) > 0xFFFF_FFFFL) {
      throw new ApiError(Codes.APP_ID_INVALID, "AppId: " + (empty(appIdText) ? "missing"
          : "\"" + clip(appIdText) + "\" is not an unsigned 32-bit integer"));
    }
    long appId = Long.parseLong(appIdText);
    String secret = secrets.get(appId);
    if (secret == null) {
      throw new ApiError(Codes.SERVER_SECRET_UNAVAILABLE,
          "failed to get ServerSecret: AppId " + appId + " is not configured in this mock");
    }
    String ts = q.get("Timestamp");
    if (empty(ts)) {
      throw new ApiError(Codes.TIMESTAMP_EMPTY, "Timestamp: query parameter missing or empty");
    }
    if (!TIMESTAMP.matcher(ts).matches()) {
      throw new ApiError(Codes.TIMESTAMP_INVALID,
          "Timestamp: \"" + clip(ts) + "\" is not a Unix time in seconds");
    }
    long timestamp = Long.parseLong(ts);
    String nonce = q.get("SignatureNonce");
    if (empty(nonce)) {
      throw new ApiError(Codes.SIGNATURE_NONCE_EMPTY, "SignatureNonce: query parameter missing or empty");
    }
    String signature = q.get("Signature");
    if (empty(signature)) {
      throw new ApiError(Codes.SIGNATURE_EMPTY, "Signature: query parameter missing or empty");
    }
    String version = q.get("SignatureVersion");
    if (empty(version)) {
      throw new ApiError(Codes.SIGNATURE_VERSION_EMPTY, "SignatureVersion: query parameter missing or empty");
    }
    if (!"2.0".equals(version)) {
      throw new ApiError(Codes.SIGNATURE_VERSION_UNSUPPORTED,
          "SignatureVersion: \"" + clip(version) + "\" is not supported; only 2.0");
    }
    long now = clock.millis();
    long skew = Math.abs(Math.floorDiv(now, 1000) - timestamp);
    if (skew > toleranceSeconds) {
      throw new ApiError(Codes.SIGNATURE_EXPIRED, "signature expired: Timestamp " + timestamp
          + " is " + skew + " s away from server time " + Math.floorDiv(now, 1000)
          + " (at most " + toleranceSeconds + " s)"
          // A 13-digit value is the classic mistake: milliseconds instead of seconds.
          + (Math.abs(timestamp) >= 100_000_000_000L ? "; the Timestamp must be in seconds, not milliseconds" : ""));
    }
    if (strict && !STRICT_NONCE.matcher(nonce).matches()) {
      throw new ApiError(Codes.SIGNATURE_NONCE_EMPTY,
          "SignatureNonce: strict mode requires 16 lowercase hexadecimal characters");
    }
    // Signed over the Timestamp string as sent (leading zeros included), not the parsed number.
    String expected = Signatures.sign(appId, nonce, secret, ts);
    if (!Signatures.constantTimeEquals(expected, signature)) {
      throw new ApiError(Codes.SIGNATURE_WRONG, "signature error: Signature does not match "
          + "MD5(AppId + SignatureNonce + ServerSecret + Timestamp)");
    }
    if (strict) {
      // Remembered until this request's own Timestamp leaves the window (inclusive boundary).
      long expiresAt = Math.multiplyExact(timestamp + toleranceSeconds + 1, 1000L);
      switch (nonces.firstUse(appId, nonce, now, expiresAt)) {
        case REPLAY -> throw new ApiError(Codes.SIGNATURE_WRONG, "signature error: SignatureNonce already used "
            + "by a request whose Timestamp is still within " + toleranceSeconds + " s (strict mode refuses replays)");
        case FULL -> throw new ApiError(Codes.GATEWAY_INTERNAL_ERROR, "gateway busy: strict mode remembers at most "
            + nonces.capacity() + " unexpired nonces and will not forget one early; retry when older "
            + "Timestamps leave the " + toleranceSeconds + " s window");
        default -> { }
      }
    }
    return new Authenticated(action, appId);
  }

  /** Forgets remembered nonces. */
  public void reset() {
    nonces.clear();
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  /** Echo at most a short prefix of what the caller sent. */
  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /**
   * @param action the Action
   * @param appId the AppId
   */
  public record Authenticated(String action, long appId) {
  }
}
