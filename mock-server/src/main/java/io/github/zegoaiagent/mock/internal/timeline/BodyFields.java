package io.github.zegoaiagent.mock.internal.timeline;

/**
 * Reads one string member of a request body's JSON text without parsing the whole body: the
 * timeline does it for every request that names an instance, on the request's thread, so it
 * must cost a scan, not a tree. The body may be clipped (the journal keeps 8 KiB); a member cut
 * off reads as absent.
 */
final class BodyFields {
  private BodyFields() {
  }

  /**
   * @param json JSON text (or anything)
   * @param key a member name without characters that need escaping
   * @return the first string value of a member named {@code key} (at any depth), unescaped, or
   *     null when there is none, it is no string, or the text ends inside it
   */
  static String string(String json, String key) {
    if (json == null) {
      return null;
    }
    String quoted = "\"" + key + "\"";
    for (int from = json.indexOf(quoted); from >= 0; from = json.indexOf(quoted, from + 1)) {
      int i = skipSpace(json, from + quoted.length());
      if (i >= json.length() || json.charAt(i) != ':') {
        continue; // a string value that happens to read like the key
      }
      i = skipSpace(json, i + 1);
      return i < json.length() && json.charAt(i) == '"' ? readString(json, i + 1) : null;
    }
    return null;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  private static String readString(String s, int i) {
    StringBuilder out = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        return null;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            return null;
          }
          try {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException bad) {
            return null;
          }
          i += 4;
        }
        default -> out.append(e); // \" \\ \/ (and anything else, as written)
      }
    }
    return null; // clipped inside the string
  }
}
