package io.github.zegoaiagent.mock.internal.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an LLM answer into the sentences the agent speaks one by one (one LLMResult each). A
 * sentence ends after {@code . ! ?} followed by white space or the end, after a CJK full stop,
 * exclamation or question mark, or at a line break; so "3.14" or "e.g.x" stay whole.
 */
public final class Sentences {
  private Sentences() {
  }

  /**
   * @param text the answer
   * @return its sentences, trimmed, none empty
   */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        flush(cur, out);
        continue;
      }
      cur.append(c);
      boolean end = c == '。' || c == '！' || c == '？'
          || (c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
              || isCloser(text.charAt(i + 1)) && (i + 2 == n || Character.isWhitespace(text.charAt(i + 2))));
      if (end) {
        // keep a closing quote or bracket with its sentence
        while (i + 1 < n && isCloser(text.charAt(i + 1))) {
          cur.append(text.charAt(++i));
        }
        flush(cur, out);
      }
    }
    flush(cur, out);
    return out;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == '”' || c == '’' || c == '」' || c == '）';
  }

  private static void flush(StringBuilder cur, List<String> out) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }
}
