package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.JournalEntry;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bounded journal of the latest requests: at most {@code capacity} entries and
 * {@code maxChars} characters of query, body and message in all (each body and query clipped
 * to 8 KiB); the oldest entries are forgotten. Thread-safe.
 */
public final class RequestJournal {
  /** Longest body text kept per entry. */
  public static final int MAX_BODY_CHARS = 8 * 1024;
  private static final Pattern SIGNATURE = Pattern.compile("(^|&)(Signature=)[^&]*");

  private final int capacity;
  private final long maxChars;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private long sequence;
  private long chars;

  /** @param capacity entries kept */
  public RequestJournal(int capacity) {
    this(capacity, Long.MAX_VALUE);
  }

  /**
   * @param capacity entries kept
   * @param maxChars characters of query, body and message kept in all
   */
  public RequestJournal(int capacity, long maxChars) {
    this.capacity = capacity;
    this.maxChars = maxChars;
  }

  private static long size(JournalEntry e) {
    return len(e.query()) + len(e.body()) + len(e.message()) + len(e.path()) + len(e.action());
  }

  private static long len(String s) {
    return s == null ? 0 : s.length();
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
   * @return the stored entry
   */
  public JournalEntry add(long atMillis, String method, String path, String rawQuery,
      String action, Long appId, String body, int code, String message, String requestId) {
    return add(atMillis, method, path, rawQuery, action, appId, body, code, message, requestId, List.of(), List.of());
  }

  /**
   * Adds an entry built from the arguments (the sequence is assigned here).
   *
   * @param unknownFields body properties the contract does not know
   * @param legacy legacy values and deprecated properties used
   * @return the stored entry
   */
  public synchronized JournalEntry add(long atMillis, String method, String path, String rawQuery,
      String action, Long appId, String body, int code, String message, String requestId,
      List<String> unknownFields, List<String> legacy) {
    JournalEntry e = new JournalEntry(++sequence, atMillis, method, clip(path), clip(maskQuery(rawQuery)),
        clip(action), appId, clip(body), code, clip(message), requestId, List.copyOf(unknownFields), List.copyOf(legacy));
    long size = size(e);
    while (!entries.isEmpty() && (entries.size() >= capacity || chars + size > maxChars)) {
      chars -= size(entries.removeFirst());
    }
    entries.addLast(e);
    chars += size;
    return e;
  }

  /** @return entries, oldest first */
  public synchronized List<JournalEntry> entries() {
    return new ArrayList<>(entries);
  }

  /** Forgets all entries. */
  public synchronized void clear() {
    entries.clear();
    chars = 0;
  }
}
