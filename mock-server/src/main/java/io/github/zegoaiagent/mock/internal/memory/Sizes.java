package io.github.zegoaiagent.mock.internal.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Estimates of the heap a kept value takes, on the high side (every character as two bytes, as in
 * a UTF-16 string; a fixed overhead per object), so the {@link MemoryBudget} holds with room to
 * spare whatever the text is.
 */
public final class Sizes {
  /** A kept entry's own object (record, node, list slot). */
  public static final long ENTRY = 48;
  /** An instance without its texts: state, maps, queues. */
  public static final long INSTANCE = 4096;

  private Sizes() {
  }

  /** @param s a string (null: 0) @return its estimated heap */
  public static long text(String s) {
    return s == null ? 0 : 40 + 2L * s.length();
  }

  /**
   * @param n a JSON tree (null: 0)
   * @return its estimated heap: every node and every string in it (linear in the tree)
   */
  public static long json(JsonNode n) {
    if (n == null) {
      return 0;
    }
    if (n.isTextual()) {
      return ENTRY + text(n.textValue());
    }
    long sum = ENTRY;
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        sum += text(e.getKey()) + json(e.getValue());
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        sum += json(e);
      }
    }
    return sum;
  }
}
