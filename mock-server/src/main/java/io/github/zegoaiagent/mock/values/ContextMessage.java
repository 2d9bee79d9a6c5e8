package io.github.zegoaiagent.mock.values;

import java.util.Objects;

/**
 * One message of an instance's LLM context.
 *
 * @param role {@code user} or {@code assistant}
 * @param content what was said
 */
public record ContextMessage(String role, String content) {
  /** Validates both fields. */
  public ContextMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }
}
