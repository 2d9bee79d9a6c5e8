package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The contract, read from the {@code zego-aiagent-openapi} jar. Every number the suite uses comes
 * from here.
 */
public final class Spec {

  /** The contract of this build. */
  public static final Spec CONTRACT = load("/openapi/zego-aiagent.yaml");

  private final JsonNode root;

  private Spec(JsonNode root) {
    this.root = root;
  }

  private static Spec load(String resource) {
    try (InputStream in = Spec.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (zego-aiagent-openapi jar)");
      }
      return new Spec(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the whole document */
  public JsonNode root() {
    return root;
  }

  /** @return every x-zego-action, in contract order */
  public List<String> actions() {
    List<String> actions = new ArrayList<>();
    root.path("paths").forEach(item -> actions.add(item.path("post").path("x-zego-action").asText()));
    return actions;
  }

  /**
   * @param action an action
   * @return its operation object
   */
  public JsonNode operation(String action) {
    JsonNode op = root.path("paths").path("/" + action).path("post");
    if (op.isMissingNode()) {
      throw new IllegalArgumentException("no action " + action + " in the contract");
    }
    return op;
  }

  /** @return the action's request body schema, resolved */
  public JsonNode requestSchema(String action) {
    return resolve(operation(action).at("/requestBody/content/application~1json/schema"));
  }

  /** @return the action's HTTP 200 answer schema, unresolved (may be a $ref) */
  public JsonNode responseSchema(String action) {
    return operation(action).at("/responses/200/content/application~1json/schema");
  }

  /** @return the action's first request example */
  public ObjectNode requestExample(String action) {
    return (ObjectNode) firstExample(operation(action).at("/requestBody/content/application~1json/examples")).deepCopy();
  }

  /** @return all request examples of the action */
  public List<ObjectNode> requestExamples(String action) {
    List<ObjectNode> out = new ArrayList<>();
    operation(action).at("/requestBody/content/application~1json/examples")
        .forEach(e -> out.add((ObjectNode) e.path("value").deepCopy()));
    return out;
  }

  /**
   * @param action an action
   * @param name an example name
   * @return that request example
   */
  public ObjectNode requestExample(String action, String name) {
    JsonNode value = operation(action).at("/requestBody/content/application~1json/examples/" + name + "/value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException(action + " has no request example " + name);
    }
    return (ObjectNode) value.deepCopy();
  }

  /** @return true when the action works on a live digital-human instance */
  public boolean allowedOnLiveDigitalHuman(String action) {
    return "allowed".equals(operation(action).path("x-zego-live-digital-human").asText());
  }

  /**
   * The components with each {@code x-zego-legacy} value added to its {@code enum}: what the
   * service accepts and may answer ({@code x-zego-tolerance.legacyValues}, ADR 0004).
   *
   * @return a copy of {@code components}
   */
  public JsonNode componentsWithLegacyValues() {
    return withLegacyValues(root.path("components").deepCopy());
  }

  private static JsonNode withLegacyValues(JsonNode node) {
    if (node.has("x-zego-legacy") && node.path("enum").isArray()) {
      ArrayNode values = (ArrayNode) node.get("enum");
      node.get("x-zego-legacy").forEach(l -> values.add(l.get("value")));
    }
    node.forEach(Spec::withLegacyValues);
    return node;
  }

  /** @return the service-wide limits (x-zego-limits) */
  public JsonNode limits() {
    return root.path("x-zego-limits");
  }

  /** @return the return-code table (x-zego-return-codes) */
  public JsonNode returnCodes() {
    return root.path("x-zego-return-codes");
  }

  /**
   * @param code a Code
   * @return its layer: success, gateway or business; empty for an undocumented code
   */
  public String layerOf(int code) {
    return returnCodes().path(Integer.toString(code)).path("layer").asText("");
  }

  /**
   * Follows {@code $ref}s (internal ones only; the contract has no others).
   *
   * @param schema a schema node
   * @return the node it refers to
   */
  public JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + schema);
      }
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /**
   * @param schemaName a component schema name
   * @param property a property of it
   * @param keyword a keyword such as maxLength
   * @return the keyword's value on the resolved property schema
   */
  public JsonNode keyword(String schemaName, String property, String keyword) {
    JsonNode prop = resolve(root.path("components").path("schemas").path(schemaName).path("properties").path(property));
    JsonNode value = prop.get(keyword);
    if (value == null) {
      throw new IllegalArgumentException(schemaName + "." + property + " has no " + keyword);
    }
    return value;
  }

  private static JsonNode firstExample(JsonNode examples) {
    Iterator<Map.Entry<String, JsonNode>> it = examples.fields();
    if (!it.hasNext()) {
      throw new IllegalStateException("no example");
    }
    return it.next().getValue().path("value");
  }
}
