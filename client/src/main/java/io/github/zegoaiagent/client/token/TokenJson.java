package io.github.zegoaiagent.client.token;

/**
 * Writes JSON the way the vendor's reference generator (JavaScript {@code JSON.stringify}) does, so
 * that a token built from the same inputs is the same bytes: {@code "} and {@code \} escaped, the
 * short escapes for control characters, a backslash-u escape (lower-case hex) for the other control
 * characters and lone surrogates, everything else (non-ASCII, {@code /}) raw.
 */
final class TokenJson {

  private TokenJson() { }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean loneSurrogate = Character.isHighSurrogate(c)
              ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
              : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || loneSurrogate) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
