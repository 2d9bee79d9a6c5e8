package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON pointer and JSON text helpers of the model. */
final class Pointers {
  static final ObjectMapper JSON = new ObjectMapper();

  private Pointers() {
  }

  /** @return {@code pointer} extended by one escaped segment */
  static String child(String pointer, String key) {
    boolean plain = key.indexOf('~') < 0 && key.indexOf('/') < 0; // nearly every key
    return pointer + "/" + (plain ? key : key.replace("~", "~0").replace("/", "~1"));
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model stored invalid JSON: " + text, e); // cannot happen: we wrote it
    }
  }

  /**
   * @return the node as JSON text; strings, integers, booleans and null without the mapper (the
   *     model reads thousands of them at start-up; {@code PointersTest} checks both agree)
   */
  static String text(JsonNode node) {
    if (node.isTextual()) {
      return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(node.textValue())) + "\"";
    }
    if (node.isIntegralNumber() || node.isBoolean() || node.isNull()) {
      return node.asText();
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
