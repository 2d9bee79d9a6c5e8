package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.Objects;

/**
 * One message of an instance's LLM context as kept (the control API shows it as
 * {@code ContextMessage}).
 *
 * @param role {@code user}, {@code assistant} or {@code system}
 * @param content what was said
 */
public record ContextEntry(String role, String content) {
  /** Validates both fields. */
  public ContextEntry {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** @return estimated heap of the entry */
  public long bytes() {
    return Sizes.ENTRY + Sizes.text(content);
  }
}
