package io.github.zegoaiagent.client.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Support for the generated open enums (template {@code openEnumMembers.mustache}): how a JSON
 * scalar becomes an enum's wire value. Public because generated code in other packages calls it.
 */
public final class OpenEnums {

  private OpenEnums() { }

  /**
   * Reads a JSON scalar as an enum's wire type, as leniently as the value allows: an integer enum
   * takes any integral number or numeric string, a string enum takes any scalar's text. Decoding
   * an answer must not fail on the form of a value (ADR 0004).
   *
   * @param node the JSON value (null or JSON null gives null)
   * @param type {@code String.class} or {@code Integer.class}
   * @param <T> the wire type
   * @return the value, or null
   * @throws IllegalArgumentException when an integer enum holds something that is no integer at all
   */
  public static <T> T wireValue(JsonNode node, Class<T> type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (type == Integer.class) {
      if (node.isIntegralNumber() && node.canConvertToInt()) {
        return type.cast(node.intValue());
      }
      try {
        return type.cast(Integer.valueOf(node.asText().trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an integer: " + node);
      }
    }
    return type.cast(node.isTextual() ? node.textValue() : node.asText());
  }
}
