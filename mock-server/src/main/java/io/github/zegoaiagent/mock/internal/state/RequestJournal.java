package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bounded journal of the latest requests: at most {@code capacity} entries and
 * {@code maxChars} characters of query, body and message in all (each body and query clipped
 * to 8 KiB), and what the memory budget has room for; the oldest entries are forgotten.
 * Thread-safe (its own monitor, held for a constant-size step per entry).
 */
public final class RequestJournal {
  /** Longest body text kept per entry. */
  public static final int MAX_BODY_CHARS = 8 * 1024;
  private static final Pattern SIGNATURE = Pattern.compile("(^|&)(Signature=)[^&]*");

  private final int capacity;
  private final long maxChars;
  private final Account memory;
  private final Deque<JournalRecord> entries = new ArrayDeque<>();
  private long sequence;
  private long chars;

  /**
   * @param capacity entries kept
   * @param maxChars characters of query, body and message kept in all
   * @param memory the account entries are charged to
   */
  public RequestJournal(int capacity, long maxChars, Account memory) {
    this.capacity = capacity;
    this.maxChars = maxChars;
    this.memory = memory;
  }

  private static String clip(String s) {
    return s == null ? null : s.length() > MAX_BODY_CHARS ? s.substring(0, MAX_BODY_CHARS) + "…" : s;
  }

  /**
   * @param rawQuery raw query string
   * @return the query with the Signature value replaced by {@code ***}
   */
  public static String maskQuery(String rawQuery) {
    return rawQuery == null ? null : SIGNATURE.matcher(rawQuery).replaceAll("$1$2***");
  }

  /**
   * Adds an entry built from the arguments (the sequence is assigned here).
   *
   * @param unknownFields body properties the contract does not know
   * @param legacy legacy values and deprecated properties used
   * @return the entry (not kept when the memory budget has no room even for it alone)
   */
  public JournalRecord add(long atMillis, String method, String path, String rawQuery,
      String action, Long appId, String body, int code, String message, String requestId,
      List<String> unknownFields, List<String> legacy) {
    String query = clip(maskQuery(rawQuery)); // clipping and masking outside the monitor
    String text = clip(body);
    synchronized (this) {
      JournalRecord e = new JournalRecord(++sequence, atMillis, method, clip(path), query,
          clip(action), appId, text, code, clip(message), requestId, List.copyOf(unknownFields), List.copyOf(legacy));
      long size = e.chars();
      while (!entries.isEmpty() && (entries.size() >= capacity || chars + size > maxChars)) {
        forgetOldest();
      }
      while (!memory.tryCharge(e.bytes(), "a journal entry")) {
        if (entries.isEmpty()) {
          return e;
        }
        forgetOldest();
      }
      entries.addLast(e);
      chars += size;
      return e;
    }
  }

  private void forgetOldest() {
    JournalRecord old = entries.removeFirst();
    chars -= old.chars();
    memory.release(old.bytes());
  }

  /** @return entries, oldest first */
  public synchronized List<JournalRecord> entries() {
    return new ArrayList<>(entries);
  }

  /** Forgets all entries. */
  public synchronized void clear() {
    while (!entries.isEmpty()) {
      forgetOldest();
    }
  }
}
