package io.github.zegoaiagent.client.core;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Text from the wire (the service's {@code Message}, a {@code RequestId}, an answer's body, a
 * callback's {@code Event} or {@code Nonce}, an unlisted enum value) made safe for an exception
 * message, a log line or {@code toString()}: control characters are written visibly ({@code \n},
 * {@code \r}, {@code \t}, and a backslash-u escape, e.g. backslash-u001b for ESC, for the other
 * C0/C1 controls, the Unicode line and paragraph separators and the bidirectional overrides), so
 * a value can neither forge a log line nor drive a terminal; and the result is clipped to
 * {@value #MAX_CHARS} characters followed by {@code …[N more chars]}. The full value stays
 * available where it was read from (e.g. {@code ZegoApiException.serviceMessage()}).
 */
public final class WireText {

  /** Longest text, in characters after escaping, that a value contributes to a message. */
  public static final int MAX_CHARS = 512;

  private WireText() { }

  /**
   * @param text a value from the wire, or null
   * @return it escaped and clipped to {@value #MAX_CHARS} characters; {@code "null"} for null
   */
  public static String clip(CharSequence text) {
    return clip(text, MAX_CHARS);
  }

  /**
   * @param text a value from the wire, or null
   * @param max the most characters of escaped text kept, at least 1
   * @return it escaped and clipped to {@code max} characters (plus the {@code …[N more chars]} mark)
   */
  public static String clip(CharSequence text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    if (text == null) {
      return "null";
    }
    int n = text.length();
    StringBuilder out = new StringBuilder(Math.min(n, max) + 24);
    int i = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      String escaped = escape(c);
      if (out.length() + (escaped == null ? 1 : escaped.length()) > max) {
        break;
      }
      if (escaped == null) {
        out.append(c);
      } else {
        out.append(escaped);
      }
    }
    if (i < n) {
      if (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) && Character.isLowSurrogate(text.charAt(i))) {
        out.setLength(out.length() - 1); // never keep half of a surrogate pair
        i--;
      }
      out.append("…[").append(n - i).append(" more chars]");
    }
    return out.toString();
  }

  /**
   * What generated models print for a property value in {@code toString()}: strings escaped and
   * clipped, lists and maps element by element; any other value as its own {@code toString()}
   * (generated models and open enums escape their own strings).
   *
   * @param value a property value, or null
   * @return its printable form
   */
  public static String display(Object value) {
    if (value instanceof CharSequence s) {
      return clip(s);
    }
    if (value instanceof Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
        sb.append(display(it.next())).append(it.hasNext() ? ", " : "");
      }
      return sb.append(']').toString();
    }
    if (value instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> e = it.next();
        sb.append(display(e.getKey())).append('=').append(display(e.getValue())).append(it.hasNext() ? ", " : "");
      }
      return sb.append('}').toString();
    }
    if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
      return clip(node.toString()); // JSON text escapes control characters itself; bound its length
    }
    return String.valueOf(value);
  }

  /** @return the visible form of a character that must not reach a log as is, else null */
  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean hidden = Character.isISOControl(c)
        || c == '\u2028' || c == '\u2029'                     // line / paragraph separator
        || (c >= '\u202A' && c <= '\u202E')                   // bidirectional embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069')                   // bidirectional isolates
        || c == '\u200E' || c == '\u200F' || c == '\u061C';   // direction marks
    return hidden ? String.format("\\u%04x", (int) c) : null;
  }
}
