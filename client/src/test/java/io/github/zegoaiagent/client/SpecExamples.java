package io.github.zegoaiagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** Reads the contract's examples, so tests exercise the documented payloads instead of restating them. */
public final class SpecExamples {

  private static final JsonNode SPEC = load();

  private SpecExamples() { }

  private static JsonNode load() {
    try (InputStream in = SpecExamples.class.getResourceAsStream("/openapi/zego-aiagent.yaml")) {
      if (in == null) {
        throw new IllegalStateException("/openapi/zego-aiagent.yaml is not on the test classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the whole contract */
  public static JsonNode spec() {
    return SPEC;
  }

  /**
   * @param action an x-zego-action
   * @return the first request example of that action
   */
  public static JsonNode request(String action) {
    return first(SPEC.at("/paths/~1" + action + "/post/requestBody/content/application~1json/examples"));
  }

  /**
   * @param action an x-zego-action
   * @return the first response example with Code 0
   */
  public static JsonNode successResponse(String action) {
    JsonNode examples = SPEC.at("/paths/~1" + action + "/post/responses/200/content/application~1json/examples");
    for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
      JsonNode value = it.next().getValue().get("value");
      if (value.get("Code").asInt() == 0) {
        return value;
      }
    }
    throw new IllegalStateException(action + " has no success example");
  }

  /** @return the first example of the callback request body */
  public static JsonNode callbackExample() {
    return first(SPEC.at("/components/callbacks/AgentInstanceEvents/https:~1~1your-server.invalid~1zego~1aiagent~1callback"
        + "/post/requestBody/content/application~1json/examples"));
  }

  private static JsonNode first(JsonNode examples) {
    Iterator<JsonNode> it = examples.elements();
    if (!it.hasNext()) {
      throw new IllegalStateException("no example at " + examples);
    }
    return it.next().get("value");
  }
}
