package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A schema with an {@code enum}.
 *
 * @param schema JSON pointer of the schema
 * @param values the listed values as JSON text (strings quoted), in contract order
 * @param legacy its {@code x-zego-legacy} values (accepted, not listed)
 */
public record EnumValues(String schema, List<String> values, List<LegacyValue> legacy) {

  /** Copies the lists. */
  public EnumValues {
    values = List.copyOf(values);
    legacy = List.copyOf(legacy);
  }

  /** @return the listed values as fresh JSON nodes */
  public List<JsonNode> json() {
    return values.stream().map(Pointers::json).toList();
  }
}
