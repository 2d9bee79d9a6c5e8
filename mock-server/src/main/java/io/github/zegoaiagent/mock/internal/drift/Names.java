package io.github.zegoaiagent.mock.internal.drift;

import java.util.Set;

/**
 * Text from the wire made safe for a report, a log or a header: actions and event names keep
 * only the characters they may contain, free text loses control characters, is clipped and has
 * known secret values replaced.
 */
public final class Names {
  private static final int MAX_NAME = 64;
  private static final int MAX_TEXT = 200;

  private Names() {
  }

  /** @param action an Action from the query (may be null) @return letters, digits and {@code _} only, or {@code (none)} */
  public static String action(String action) {
    return name(action, "(no Action)");
  }

  /** @param event a callback's Event @return {@code callback <Event>} with the Event made safe */
  public static String callback(String event) {
    return "callback " + event(event);
  }

  /** @param event a callback's Event @return it made safe */
  public static String event(String event) {
    return name(event, "(no Event)");
  }

  private static String name(String raw, String none) {
    if (raw == null || raw.isEmpty()) {
      return none;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length() && b.length() < MAX_NAME; i++) {
      char c = raw.charAt(i);
      b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '?');
    }
    return raw.length() > MAX_NAME ? b + "…" : b.toString();
  }

  /** @param path a raw request path @return it, visible ASCII only, at most 200 characters */
  public static String path(String path) {
    return text(path, Set.of()).replaceAll("[^\\x21-\\x7e]", "?");
  }

  /**
   * @param text free text from the wire (a Message)
   * @param secrets values that must not appear (each replaced by {@code ***})
   * @return one line, at most 200 characters
   */
  public static String text(String text, Set<String> secrets) {
    String t = text == null ? "" : text;
    for (String s : secrets) {
      t = t.replace(s, "***");
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length() && b.length() < MAX_TEXT; i++) {
      char c = t.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return t.length() > MAX_TEXT ? b + "…" : b.toString();
  }
}
