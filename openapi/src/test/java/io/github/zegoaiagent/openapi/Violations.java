package io.github.zegoaiagent.openapi;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Assertion that prints every violation, one per line, so a contract author sees them all at once. */
final class Violations {

  private Violations() {}

  static void assertNone(String subject, List<String> violations) {
    if (!violations.isEmpty()) {
      fail(violations.size() + " contract violation(s) in " + subject + ":\n  " + String.join("\n  ", violations));
    }
  }
}
