package io.github.zegoaiagent.client.token;

/**
 * A Token04 input is invalid. The message names the input and the rule, never the ServerSecret.
 * {@link #reason()} carries the error number of the vendor's reference generators.
 */
public final class Token04Exception extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Which input is invalid, with the vendor's error number. */
  public enum Reason {
    /** AppId not in 1..4294967295 (vendor error 1). */
    APP_ID(1),
    /** user ID null, empty or longer than 64 characters (vendor error 3). */
    USER_ID(3),
    /** ServerSecret not exactly 32 bytes (vendor error 5). */
    SERVER_SECRET(5),
    /** validity not a positive whole number of seconds, or expiry past the year 292 billion (vendor error 6). */
    VALIDITY(6),
    /** user ID and payload together exceed the 65535 encrypted bytes a token can hold (no vendor number; -1). */
    CONTENT_TOO_LONG(-1),
    /** the token could not be decoded with the given secret (decode only; vendor "other", -1). */
    MALFORMED_TOKEN(-1);

    private final int vendorCode;

    Reason(int vendorCode) {
      this.vendorCode = vendorCode;
    }

    /** @return the error number the vendor's generators use for this case */
    public int vendorCode() {
      return vendorCode;
    }
  }

  private final Reason reason;

  Token04Exception(Reason reason, String message) {
    this(reason, message, null);
  }

  Token04Exception(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @return which input is invalid */
  public Reason reason() {
    return reason;
  }
}
