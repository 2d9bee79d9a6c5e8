package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request the service sends to the App (an entry of {@code components.callbacks}).
 *
 * @param name the callback's name, e.g. {@code AgentInstanceEvents}
 * @param url the placeholder URL expression it is keyed by
 * @param method HTTP method, upper case
 * @param request the request body schema
 * @param examples request body examples by name, as JSON text
 */
public record Callback(String name, String url, String method, SchemaRef request, Map<String, String> examples) {

  /** Copies the examples. */
  public Callback {
    examples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(examples));
  }

  /** @return the first request example as a fresh JSON node */
  public JsonNode firstExample() {
    return Pointers.json(examples.values().iterator().next());
  }
}
