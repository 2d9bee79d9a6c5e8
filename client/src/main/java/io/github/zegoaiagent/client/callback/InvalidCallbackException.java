package io.github.zegoaiagent.client.callback;

/** A callback body that is not JSON, lacks its signature fields, or carries a wrong signature. */
public final class InvalidCallbackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong (never the secret)
   * @param cause the cause, or null
   */
  public InvalidCallbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
