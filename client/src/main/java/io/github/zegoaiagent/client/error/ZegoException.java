package io.github.zegoaiagent.client.error;

/**
 * Base of every exception the client throws. Unchecked. Messages never contain the ServerSecret or
 * a Signature.
 */
public abstract class ZegoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * @param action the action that failed, or null when not known
   * @param message the message
   * @param cause the cause, or null
   */
  protected ZegoException(String action, String message, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /** @return the action that failed (e.g. {@code CreateAgentInstance}), or null when not known */
  public String action() {
    return action;
  }
}
