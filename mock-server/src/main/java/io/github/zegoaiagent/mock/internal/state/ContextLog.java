package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.ContextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An instance's LLM context, oldest first, within its caps. Part of {@link InstanceState}: same
 * lock, same one writer.
 */
public final class ContextLog {
  private final List<ContextMessage> messages = new ArrayList<>();
  /** Characters of the contents (the byte cap {@code maxContextBytes} counts this). */
  private long chars;

  /** @return the messages, oldest first (unmodifiable view) */
  public List<ContextMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  /** @return messages stored */
  public int size() {
    return messages.size();
  }

  /** @return characters stored */
  public long chars() {
    return chars;
  }

  /**
   * Appends a message, forgetting the oldest ones beyond the caps.
   *
   * @param maxMessages messages kept at most
   * @param maxChars characters kept at most
   */
  public void add(ContextMessage m, int maxMessages, long maxChars) {
    long n = length(m);
    while (!messages.isEmpty() && (messages.size() >= maxMessages || chars + n > maxChars)) {
      chars -= length(messages.remove(0));
    }
    messages.add(m);
    chars += n;
  }

  private static long length(ContextMessage m) {
    return m.content() == null ? 0 : m.content().length();
  }

  /** Forgets every message (ResetAgentInstanceMsgList). */
  public void clear() {
    messages.clear();
    chars = 0;
  }

  /** @return the latest {@code size} messages (what the LLM sees with each call) */
  public List<ContextMessage> window(int size) {
    int n = messages.size();
    return List.copyOf(messages.subList(Math.max(0, n - size), n));
  }
}
