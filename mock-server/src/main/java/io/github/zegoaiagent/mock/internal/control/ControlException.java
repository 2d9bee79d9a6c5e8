package io.github.zegoaiagent.mock.internal.control;

/**
 * A control request the mock refuses for a reason the caller can fix: bad input (400), an
 * unknown path or instance (404), a wrong method (405), a full plan (409), no room in the memory
 * budget (503). Anything else thrown while answering is a bug in the mock (500). The router
 * answers it with its status; the in-process control turns it into the public
 * {@code MockControlException} with the same status.
 */
public final class ControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * @param status the HTTP status the control API answers
   * @param message what went wrong, for the caller
   */
  public ControlException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }
}
