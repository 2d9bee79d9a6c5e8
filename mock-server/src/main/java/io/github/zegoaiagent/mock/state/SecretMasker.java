package io.github.zegoaiagent.mock.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Masks request-body credentials before they enter the journal: every property the contract
 * marks {@code x-zego-secret: true} (for example {@code LLM.ApiKey}, {@code TTS.Params.app}), at
 * any depth, becomes {@code "***"}. Bodies that are not JSON are kept as sent (they reached no
 * handler).
 */
public final class SecretMasker {
  private final ObjectMapper mapper;
  private final Set<String> names;

  /**
   * @param mapper JSON mapper
   * @param contract the spec document
   */
  public SecretMasker(ObjectMapper mapper, JsonNode contract) {
    this.mapper = mapper;
    Set<String> n = new HashSet<>();
    collect(contract.path("components").path("schemas"), n);
    this.names = Set.copyOf(n);
  }

  /** @return property names marked as secrets in the contract */
  public Set<String> names() {
    return names;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        props.fields().forEachRemaining(e -> {
          if (e.getValue().path("x-zego-secret").asBoolean(false)) {
            out.add(e.getKey());
          }
        });
      }
      node.elements().forEachRemaining(c -> collect(c, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(c -> collect(c, out));
    }
  }

  /**
   * @param body request body text
   * @return the body with secret values replaced, or the body unchanged when it is not JSON
   */
  public String mask(String body) {
    if (names.isEmpty() || body == null || body.isEmpty()) {
      return body;
    }
    try {
      JsonNode n = mapper.readTree(body);
      if (n == null || !mask(n)) {
        return body;
      }
      return mapper.writeValueAsString(n);
    } catch (Exception e) {
      return body;
    }
  }

  private boolean mask(JsonNode n) {
    boolean changed = false;
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (names.contains(e.getKey()) && !e.getValue().isNull()) {
          e.setValue(o.textNode("***"));
          changed = true;
        } else {
          changed |= mask(e.getValue());
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        changed |= mask(c);
      }
    }
    return changed;
  }
}
