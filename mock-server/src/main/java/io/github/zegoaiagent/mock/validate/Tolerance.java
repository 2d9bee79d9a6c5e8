package io.github.zegoaiagent.mock.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tolerant face of the contract (ADR 0004) applied to a request body, walking the action's
 * request schema: the rules come from the root extension {@code x-zego-tolerance}, the property
 * lists from the schemas, so nothing here names a field.
 *
 * <ul>
 *   <li>{@code nullMeansAbsent}: a {@code null} for an optional property, at any depth, is removed
 *       (as if not sent). A {@code null} for a required property stays, so schema validation
 *       names it.</li>
 *   <li>{@code unknownProperties: ignored}: a property the schema does not list (where the schema
 *       does not declare {@code additionalProperties}) is removed and reported.</li>
 *   <li>{@code x-zego-legacy} values and {@code deprecated} properties are reported.</li>
 * </ul>
 * Inside free-form objects ({@code additionalProperties}, e.g. vendor {@code Params}) nothing is
 * touched: those keys belong to the vendor.
 */
public final class Tolerance {

  /**
   * What the walk found.
   *
   * @param body the body as the service reads it: a copy without optional nulls and unknown properties
   * @param unknownFields wire paths of properties the contract does not know, e.g. {@code RTC.AgentUserID}
   * @param legacy legacy values and deprecated properties used, e.g. {@code TTS.Vendor=ByteDance (legacy)}
   */
  public record Inspected(JsonNode body, List<String> unknownFields, List<String> legacy) {
    /** @param body an unchanged body (nothing to report) */
    public static Inspected unchanged(JsonNode body) {
      return new Inspected(body, List.of(), List.of());
    }
  }

  private final JsonNode root;
  private final boolean nullMeansAbsent;
  private final boolean dropUnknown;

  /** @param root the contract document */
  public Tolerance(JsonNode root) {
    this.root = root;
    JsonNode rules = root.path("x-zego-tolerance");
    this.nullMeansAbsent = rules.path("nullMeansAbsent").asBoolean(false);
    this.dropUnknown = "ignored".equals(rules.path("unknownProperties").asText());
  }

  /**
   * @param schema the request schema (may be a {@code $ref})
   * @param body the parsed body
   * @return the body as the service reads it, and what was noticed
   */
  public Inspected inspect(JsonNode schema, JsonNode body) {
    if (!body.isObject()) {
      return Inspected.unchanged(body);
    }
    JsonNode copy = body.deepCopy();
    List<String> unknown = new ArrayList<>();
    List<String> legacy = new ArrayList<>();
    walk(schema, copy, "", unknown, legacy);
    return new Inspected(copy, List.copyOf(unknown), List.copyOf(legacy));
  }

  private void walk(JsonNode schemaRef, JsonNode node, String path, List<String> unknown, List<String> legacy) {
    JsonNode schema = resolve(schemaRef);
    if (node.isArray() && schema.has("items")) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        walk(schema.get("items"), array.get(i), path + "[" + i + "]", unknown, legacy);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    boolean open = collect(schema, properties, required);
    ObjectNode object = (ObjectNode) node;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String at = path.isEmpty() ? name : path + "." + name;
      JsonNode propSchema = properties.get(name);
      if (propSchema == null) {
        if (!open) {
          unknown.add(at);
          if (dropUnknown) {
            it.remove();
          }
        }
        continue;
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        if (nullMeansAbsent && !required.contains(name)) {
          it.remove();
        }
        continue;
      }
      JsonNode resolved = resolve(propSchema);
      if (propSchema.path("deprecated").asBoolean(false) || resolved.path("deprecated").asBoolean(false)) {
        legacy.add(at + " (deprecated)");
      }
      for (JsonNode l : resolved.path("x-zego-legacy")) {
        if (l.path("value").equals(value)) {
          legacy.add(at + "=" + value.asText() + " (legacy)");
        }
      }
      walk(propSchema, value, at, unknown, legacy);
    }
  }

  /**
   * Gathers properties and required names, following {@code allOf}.
   *
   * @return true when the schema admits any further properties by declaring additionalProperties
   */
  private boolean collect(JsonNode schemaRef, Map<String, JsonNode> properties, Set<String> required) {
    JsonNode schema = resolve(schemaRef);
    schema.path("properties").fields().forEachRemaining(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
    schema.path("required").forEach(r -> required.add(r.asText()));
    JsonNode additional = schema.get("additionalProperties");
    boolean open = additional != null && !(additional.isBoolean() && !additional.booleanValue());
    for (JsonNode part : schema.path("allOf")) {
      open |= collect(part, properties, required);
    }
    return open || (properties.isEmpty() && !schema.has("allOf") && schema.path("type").asText("object").equals("object")
        && !schema.has("properties"));
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }
}
