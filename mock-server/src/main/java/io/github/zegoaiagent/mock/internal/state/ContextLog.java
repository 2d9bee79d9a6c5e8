package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * An instance's LLM context, oldest first, within its caps and the memory budget (through the
 * instance's account). Part of {@link InstanceState}: same lock, same one writer. Every operation
 * is linear in what it adds or returns, never in what is kept.
 */
public final class ContextLog {
  private final Deque<ContextEntry> messages = new ArrayDeque<>();
  private final Account memory;
  /** Characters of the contents (the cap {@code maxContextBytes} counts this). */
  private long chars;

  ContextLog(Account memory) {
    this.memory = memory;
  }

  /** @return a copy of the messages, oldest first */
  public List<ContextEntry> messages() {
    return new ArrayList<>(messages);
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
   * Appends a message, forgetting the oldest ones beyond the caps, and beyond the memory budget
   * while there are any to forget.
   *
   * @param maxMessages messages kept at most
   * @param maxChars characters kept at most
   * @return whether it is kept (false: the budget has no room even for it alone)
   */
  public boolean add(ContextEntry m, int maxMessages, long maxChars) {
    long n = length(m);
    while (!messages.isEmpty() && (messages.size() >= maxMessages || chars + n > maxChars)) {
      forgetOldest();
    }
    while (!memory.tryCharge(m.bytes(), "an LLM context message")) {
      if (messages.isEmpty()) {
        return false;
      }
      forgetOldest();
    }
    messages.addLast(m);
    chars += n;
    return true;
  }

  /**
   * Appends messages already charged to the instance's account as a whole (a request that is
   * refused when they do not fit), forgetting the oldest ones beyond the caps.
   */
  public void addCharged(List<ContextEntry> all, int maxMessages, long maxChars) {
    for (ContextEntry m : all) {
      long n = length(m);
      while (!messages.isEmpty() && (messages.size() >= maxMessages || chars + n > maxChars)) {
        forgetOldest();
      }
      messages.addLast(m);
      chars += n;
    }
  }

  private void forgetOldest() {
    ContextEntry old = messages.removeFirst();
    chars -= length(old);
    memory.release(old.bytes());
  }

  private static long length(ContextEntry m) {
    return m.content().length();
  }

  /** Forgets every message (ResetAgentInstanceMsgList). */
  public void clear() {
    while (!messages.isEmpty()) {
      forgetOldest();
    }
  }

  /** @return the latest {@code size} messages, oldest first (what the LLM sees with each call) */
  public List<ContextEntry> window(int size) {
    int n = Math.min(size, messages.size());
    List<ContextEntry> out = new ArrayList<>(n);
    Iterator<ContextEntry> it = messages.descendingIterator();
    for (int i = 0; i < n; i++) {
      out.add(it.next());
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
