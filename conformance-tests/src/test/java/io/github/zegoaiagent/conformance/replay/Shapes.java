package io.github.zegoaiagent.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two answers by shape, not by value: which fields exist and of which JSON type, with
 * arrays read as the union of their items. Values never count (ids, times, counts differ from
 * run to run); a field that is {@code null} counts as absent; a value the recording masked
 * ({@code ***}) matches anything, with whatever lies below it; an empty array matches any array.
 */
public final class Shapes {
  static final String MASK = "***";

  private Shapes() {
  }

  /**
   * @param recorded the recorded answer
   * @param actual the target's answer
   * @return one line per difference, e.g. {@code Data.Status: the target lacks it}; empty when alike
   */
  public static List<String> differences(JsonNode recorded, JsonNode actual) {
    Map<String, Set<String>> want = new TreeMap<>();
    Map<String, Set<String>> got = new TreeMap<>();
    Set<String> wildcards = new TreeSet<>();
    Set<String> emptyArrays = new TreeSet<>();
    walk(recorded, "", want, wildcards, emptyArrays);
    walk(actual, "", got, new TreeSet<>(), emptyArrays);
    List<String> out = new ArrayList<>();
    Set<String> paths = new TreeSet<>(want.keySet());
    paths.addAll(got.keySet());
    for (String p : paths) {
      if (under(p, wildcards) || under(p, emptyArrays)) {
        continue;
      }
      Set<String> w = want.get(p);
      Set<String> g = got.get(p);
      if (g == null) {
        out.add(p + ": the target lacks it");
      } else if (w == null) {
        out.add(p + ": the target adds it (" + String.join("|", g) + ")");
      } else if (!w.equals(g)) {
        out.add(p + ": " + String.join("|", g) + " where the recording has " + String.join("|", w));
      }
    }
    return out;
  }

  private static void walk(JsonNode n, String path, Map<String, Set<String>> shape, Set<String> wildcards,
      Set<String> emptyArrays) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return;
    }
    if (n.isTextual() && MASK.equals(n.textValue())) {
      wildcards.add(path);
      return;
    }
    if (!path.isEmpty()) {
      shape.computeIfAbsent(path, k -> new TreeSet<>()).add(type(n));
    }
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
          shape, wildcards, emptyArrays));
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        emptyArrays.add(path);
      }
      n.forEach(item -> walk(item, path + "[]", shape, wildcards, emptyArrays));
    }
  }

  private static boolean under(String path, Set<String> roots) {
    for (String r : roots) {
      if (path.equals(r) || path.startsWith(r + ".") || path.startsWith(r + "[]")) {
        return true;
      }
    }
    return false;
  }

  private static String type(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
