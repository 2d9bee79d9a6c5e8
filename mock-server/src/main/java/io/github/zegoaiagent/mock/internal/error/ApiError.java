package io.github.zegoaiagent.mock.internal.error;

/**
 * A refusal answered with the envelope's {@code Code} and {@code Message} (always HTTP 200).
 *
 * <p>Thrown anywhere in the pipeline; the front turns it into the envelope. Messages must never
 * contain a secret.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  /**
   * @param code a code from {@link Codes}
   * @param message what went wrong, naming the field or limit
   */
  public ApiError(int code, String message) {
    super(message, null, false, false); // no stack trace: these are answers, not bugs
    this.code = code;
  }

  /** @return the wire code */
  public int code() {
    return code;
  }
}
