package io.github.zegoaiagent.mock.internal.control;

/**
 * A control request the mock refuses for a reason the caller can fix: bad input (400), an
 * unknown path or instance (404), a wrong method (405), a full plan (409). Anything else thrown
 * while answering is a bug in the mock (500).
 */
final class ControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ControlException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
