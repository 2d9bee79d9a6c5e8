package io.github.zegoaiagent.cli;

/** A command line, input or credential the tool cannot use: exit status 2, nothing sent. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
