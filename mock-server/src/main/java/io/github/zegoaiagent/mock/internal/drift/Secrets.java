package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secret values a request carries (every value under a property named like a contract
 * secret, at any depth), so that text the service answers with can be cleaned of them before it
 * reaches a report.
 */
final class Secrets {
  private static final Set<String> NAMES = names();
  /** Shorter values are not replaced: they would garble words and are no credential. */
  private static final int MIN_LENGTH = 4;

  private Secrets() {
  }

  private static Set<String> names() {
    Set<String> n = new HashSet<>();
    Contract.load().model().secretNames().forEach(s -> n.add(s.toLowerCase(Locale.ROOT)));
    return Set.copyOf(n);
  }

  /** @param body a request body @param mapper reads it @return its secret values (empty when it is not JSON) */
  static Set<String> values(byte[] body, ObjectMapper mapper) {
    Set<String> out = new HashSet<>();
    try {
      collect(mapper.readTree(body), false, out);
    } catch (Exception e) {
      // not JSON: nothing to find
    }
    return out;
  }

  private static void collect(JsonNode n, boolean secret, Set<String> out) {
    if (n == null) {
      return;
    }
    if (n.isValueNode()) {
      if (secret && n.asText().length() >= MIN_LENGTH) {
        out.add(n.asText());
      }
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(c, secret, out));
      return;
    }
    for (var it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      collect(e.getValue(), secret || NAMES.contains(e.getKey().toLowerCase(Locale.ROOT)), out);
    }
  }
}
