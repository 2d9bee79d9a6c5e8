package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A schema's {@code default}: what the service applies when the property is not sent.
 *
 * @param schema JSON pointer of the schema stating it
 * @param value the default, as JSON text (read it with {@link #json()})
 */
public record DefaultValue(String schema, String value) {

  /** @return the default as a fresh JSON node */
  public JsonNode json() {
    return Pointers.json(value);
  }
}
