package io.github.zegoaiagent.cli;

/** Text from a user or the wire, made safe for one line of a message. */
final class Text {
  private static final int MAX = 200;

  private Text() {
  }

  /**
   * @param s any text (null allowed)
   * @return at most 200 characters, control characters shown as {@code \\uXXXX}, clipped with {@code …}
   */
  static String clip(String s) {
    return clip(s, MAX);
  }

  /**
   * @param s any text (null allowed)
   * @param max characters kept
   * @return at most {@code max} characters, control characters escaped, clipped with {@code …}
   */
  static String clip(String s, int max) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        b.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.length() < s.length() && b.length() >= max ? b + "…" : b.toString();
  }
}
