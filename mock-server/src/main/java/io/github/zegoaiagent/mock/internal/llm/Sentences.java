package io.github.zegoaiagent.mock.internal.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an LLM answer into the sentences the agent speaks one by one (one LLMResult each). A
 * sentence ends after {@code . ! ?} followed by white space or the end, after a CJK full stop,
 * exclamation or question mark, or at a line break; so "3.14" or "e.g.x" stay whole. A closing
 * quote or bracket stays with its sentence; sentences are trimmed, none is empty.
 *
 * <p>{@link #next} finds one sentence at a time from a position, so a caller walking an answer
 * sentence by sentence does work linear in the answer and keeps no list.
 */
public final class Sentences {
  /** {@link #next}'s answer when no sentence is left. */
  public static final long NONE = -1;

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
    for (long s = next(text, 0); s != NONE; s = next(text, end(s))) {
      out.add(text.substring(start(s), end(s)));
    }
    return out;
  }

  /**
   * @param text the answer
   * @param from where to look (0, or the {@link #end} of the previous sentence)
   * @return the next sentence's bounds packed in a long ({@link #start}, {@link #end}), or {@link #NONE}
   */
  public static long next(String text, int from) {
    int n = text.length();
    int a = from;
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        long s = trimmed(text, a, i);
        if (s != NONE) {
          return s;
        }
        a = i + 1;
        continue;
      }
      boolean end = c == '。' || c == '！' || c == '？'
          || (c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
              || isCloser(text.charAt(i + 1)) && (i + 2 == n || Character.isWhitespace(text.charAt(i + 2))));
      if (end) {
        int j = i + 1;
        while (j < n && isCloser(text.charAt(j))) {
          j++; // keep a closing quote or bracket with its sentence
        }
        long s = trimmed(text, a, j);
        if (s != NONE) {
          return s;
        }
        a = j;
        i = j - 1;
      }
    }
    return trimmed(text, a, n);
  }

  /** @param sentence a value of {@link #next} @return where the sentence starts (a char index) */
  public static int start(long sentence) {
    return (int) (sentence >>> 32);
  }

  /** @param sentence a value of {@link #next} @return where it ends (exclusive; where to look next) */
  public static int end(long sentence) {
    return (int) sentence;
  }

  /** [a, b) without surrounding white space, or NONE when nothing is left. */
  private static long trimmed(String text, int a, int b) {
    while (a < b && Character.isWhitespace(text.codePointAt(a))) {
      a += Character.charCount(text.codePointAt(a));
    }
    while (b > a && Character.isWhitespace(text.codePointBefore(b))) {
      b -= Character.charCount(text.codePointBefore(b));
    }
    return a < b ? ((long) a << 32) | b : NONE;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == '”' || c == '’' || c == '」' || c == '）';
  }
}
