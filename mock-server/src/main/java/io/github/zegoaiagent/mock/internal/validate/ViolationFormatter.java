package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Turns one schema violation into a short, field-first sentence (the mock's 410000003 messages
 * and the validating proxy's drift details).
 *
 * <p>Limits are read from the violated schema (so they are the spec's numbers); the offending
 * value is quoted only when it is short, so a long body is never echoed back whole.
 */
public final class ViolationFormatter {
  private static final int MAX_QUOTED = 40;

  private ViolationFormatter() {
  }

  /** @param m a violation @return e.g. {@code RTC.AgentUserId: length 33 exceeds maxLength 32} */
  public static String format(ValidationMessage m) {
    String type = m.getType();
    String field = fieldName(m.getInstanceLocation());
    JsonNode value = m.getInstanceNode();
    JsonNode limit = keywordValue(m.getSchemaNode(), type);
    switch (type) {
      case "required":
        return join(field, m.getProperty()) + ": required field missing";
      case "maxLength":
        return field + ": length " + length(value) + " exceeds maxLength " + text(limit);
      case "minLength":
        return field + ": length " + length(value) + " is below minLength " + text(limit);
      case "maximum":
        return field + ": value " + quote(value) + " exceeds maximum " + text(limit);
      case "minimum":
        return field + ": value " + quote(value) + " is below minimum " + text(limit);
      case "maxItems":
        return field + ": " + (value == null ? "?" : value.size()) + " items exceed maxItems " + text(limit);
      case "minItems":
        return field + ": " + (value == null ? "?" : value.size()) + " items are below minItems " + text(limit);
      case "enum":
        return field + ": value " + quote(value) + " is not one of " + enumList(limit);
      case "pattern":
        return field + ": value " + quote(value) + " does not match pattern " + text(limit);
      case "type":
        return field + ": expected " + text(limit) + ", found " + jsonType(value);
      default:
        return field + ": " + stripPath(m.getMessage());
    }
  }

  /** Path elements {@code RTC}, {@code AgentUserId} → {@code RTC.AgentUserId}; the root is {@code body}. */
  public static String fieldName(JsonNodePath location) {
    if (location == null || location.getNameCount() == 0) {
      return "body";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object e = location.getElement(i);
      if (e instanceof Integer) {
        sb.append('[').append(e).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(e);
      }
    }
    return sb.toString();
  }

  private static String join(String parent, String child) {
    if (child == null) {
      return parent;
    }
    return parent.equals("body") ? child : parent + "." + child;
  }

  /** The schema node may be the keyword's value or the schema object holding it. */
  private static JsonNode keywordValue(JsonNode schemaNode, String keyword) {
    if (schemaNode == null) {
      return null;
    }
    if (schemaNode.isObject() && schemaNode.has(keyword)) {
      return schemaNode.get(keyword);
    }
    return schemaNode;
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return "?";
    }
    return n.isTextual() ? n.textValue() : n.toString();
  }

  private static String enumList(JsonNode n) {
    if (n == null || !n.isArray()) {
      return text(n);
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(text(n.get(i)));
    }
    return sb.append(']').toString();
  }

  private static int length(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return -1;
    }
    String s = n.textValue();
    return s.codePointCount(0, s.length());
  }

  private static String quote(JsonNode n) {
    if (n == null) {
      return "?";
    }
    String s = n.toString();
    return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "…";
  }

  private static String jsonType(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    switch (n.getNodeType()) {
      case ARRAY:
        return "array";
      case OBJECT:
        return "object";
      case STRING:
        return "string";
      case NUMBER:
        return n.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String stripPath(String message) {
    if (message == null) {
      return "invalid";
    }
    int colon = message.indexOf(": ");
    return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
  }
}
