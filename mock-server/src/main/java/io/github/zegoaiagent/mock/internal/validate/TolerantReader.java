package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tolerant face of the contract (ADR 0004) applied to a request body, walking the action's
 * request schema: the rules ({@code x-zego-tolerance}) and legacy values come from the typed
 * model, the property lists from the schemas, so nothing here names a field.
 *
 * <ul>
 *   <li>{@code nullMeansAbsent}: a {@code null} for an optional property, at any depth, is removed
 *       (as if not sent). A {@code null} for a required property stays, so schema validation
 *       names it.</li>
 *   <li>{@code unknownProperties: ignored}: a property the schema does not list (where the schema
 *       does not declare {@code additionalProperties}) is removed and reported.</li>
 *   <li>{@code x-zego-legacy} values and {@code deprecated} properties are reported.</li>
 *   <li>{@code caseInsensitiveValues}: a case variant of a listed value of those enums
 *       ({@code Bytedance}) is read as the listed spelling ({@code ByteDance}) and reported.</li>
 * </ul>
 * Inside free-form objects ({@code additionalProperties}, e.g. vendor {@code Params}) nothing is
 * touched: those keys belong to the vendor.
 */
public final class TolerantReader {

  /**
   * What the walk found.
   *
   * @param body the body as the service reads it: without optional nulls and unknown properties
   * @param unknownFields wire paths of properties the contract does not know, e.g. {@code RTC.AgentUserID}
   * @param legacy legacy values, case variants and deprecated properties used, e.g.
   *     {@code TTS.Vendor=ByteDance (legacy)}, {@code TTS.Vendor=Minimax (case variant of MiniMax)}
   */
  public record Inspected(JsonNode body, List<String> unknownFields, List<String> legacy) {
    /** @param body an unchanged body (nothing to report) */
    public static Inspected unchanged(JsonNode body) {
      return new Inspected(body, List.of(), List.of());
    }
  }

  private final JsonNode root;
  private final Map<Key, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();
  private final boolean nullMeansAbsent;
  private final boolean dropUnknown;
  /** Legacy values by the identity of their enum schema node in {@link #root}. */
  private final Map<Key, Set<JsonNode>> legacyBySchema = new java.util.HashMap<>();
  /** The pointers of the case-insensitive enums, by the identity of their schema node. */
  private final Map<Key, String> caseInsensitiveBySchema = new java.util.HashMap<>();
  private final io.github.zegoaiagent.contract.ZegoContract model;

  /** @param contract the contract: its rules and legacy values from the model, schemas from {@link Contract#root()} */
  public TolerantReader(Contract contract) {
    this.root = contract.root();
    this.nullMeansAbsent = contract.model().tolerance().nullMeansAbsent();
    this.dropUnknown = contract.model().tolerance().ignoreUnknownProperties();
    this.model = contract.model();
    model.tolerance().caseInsensitiveValues().forEach(p -> caseInsensitiveBySchema.put(new Key(root.at(p)), p));
    contract.model().legacyValues().forEach(l -> legacyBySchema
        .computeIfAbsent(new Key(root.at(l.schema())), k -> new java.util.HashSet<>())
        .add(com.fasterxml.jackson.databind.node.TextNode.valueOf(l.value())));
  }

  /**
   * @param schema the request schema (may be a {@code $ref})
   * @param body the parsed body, handed over: it is changed in place (the request's own freshly
   *     decoded tree; a copy per request cost more than the walk, BENCHMARKS.md)
   * @return the body as the service reads it, and what was noticed
   */
  public Inspected inspect(JsonNode schema, JsonNode body) {
    if (!body.isObject()) {
      return Inspected.unchanged(body);
    }
    Noticed noticed = new Noticed();
    walk(schema, body, "", noticed);
    return new Inspected(body, noticed.list(noticed.unknown), noticed.list(noticed.legacy));
  }

  /** What a walk noticed; the lists are made only when something is (most requests: nothing). */
  private static final class Noticed {
    List<String> unknown;
    List<String> legacy;

    void unknown(String at) {
      if (unknown == null) {
        unknown = new ArrayList<>();
      }
      unknown.add(at);
    }

    void legacy(String what) {
      if (legacy == null) {
        legacy = new ArrayList<>();
      }
      legacy.add(what);
    }

    List<String> list(List<String> l) {
      return l == null ? List.of() : List.copyOf(l);
    }
  }

  private void walk(JsonNode schemaRef, JsonNode node, String path, Noticed noticed) {
    Shape shape = shape(schemaRef);
    if (node.isArray() && shape.items() != null) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item.isContainerNode()) {
          walk(shape.items(), item, path + "[" + i + "]", noticed);
        }
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      Property p = shape.properties().get(name);
      if (p == null) {
        if (!shape.open()) {
          noticed.unknown(at(path, name));
          if (dropUnknown) {
            it.remove();
          }
        }
        continue;
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        if (nullMeansAbsent && !p.required()) {
          it.remove();
        }
        continue;
      }
      if (p.deprecated()) {
        noticed.legacy(at(path, name) + " (deprecated)");
      }
      if (p.caseInsensitive() != null && value.isTextual()) {
        java.util.Optional<String> listed = model.listedSpelling(p.caseInsensitive(), value.asText());
        if (listed.isPresent()) {
          noticed.legacy(at(path, name) + "=" + value.asText() + " (case variant of " + listed.get() + ")");
          value = com.fasterxml.jackson.databind.node.TextNode.valueOf(listed.get());
          field.setValue(value);
        }
      }
      if (!p.legacyValues().isEmpty() && p.legacyValues().contains(value)) {
        noticed.legacy(at(path, name) + "=" + value.asText() + " (legacy)");
      }
      if (value.isContainerNode()) { // a scalar has nothing below it to walk
        walk(p.schema(), value, at(path, name), noticed);
      }
    }
  }

  private static String at(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /**
   * What the walk needs of one schema, computed once per schema node (the contract is fixed, and
   * resolving {@code $ref}s per request would cost more than validating).
   */
  private record Shape(Map<String, Property> properties, boolean open, JsonNode items) { }

  /** @param caseInsensitive the pointer of its enum when that compares without regard to case, else null */
  private record Property(JsonNode schema, boolean required, boolean deprecated, Set<JsonNode> legacyValues,
      String caseInsensitive) { }

  /** Identity key: JsonNode's own equals is deep. */
  private record Key(JsonNode node) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node);
    }
  }

  private Shape shape(JsonNode schemaRef) {
    Shape cached = shapes.get(new Key(schemaRef));
    if (cached != null) {
      return cached;
    }
    JsonNode schema = resolve(schemaRef);
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    boolean open = collect(schema, declared, required);
    Map<String, Property> properties = new LinkedHashMap<>();
    declared.forEach((name, propSchema) -> {
      JsonNode resolved = resolve(propSchema);
      properties.put(name, new Property(propSchema, required.contains(name),
          propSchema.path("deprecated").asBoolean(false) || resolved.path("deprecated").asBoolean(false),
          legacyBySchema.getOrDefault(new Key(resolved), Set.of()), caseInsensitiveBySchema.get(new Key(resolved))));
    });
    Shape shape = new Shape(Map.copyOf(properties), open, schema.get("items"));
    shapes.put(new Key(schemaRef), shape);
    return shape;
  }

  /**
   * Gathers properties and required names, following {@code allOf}.
   *
   * @return true when the schema admits any further properties by declaring additionalProperties
   */
  private boolean collect(JsonNode schemaRef, Map<String, JsonNode> properties, Set<String> required) {
    JsonNode schema = resolve(schemaRef);
    schema.path("properties").properties().forEach(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
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
