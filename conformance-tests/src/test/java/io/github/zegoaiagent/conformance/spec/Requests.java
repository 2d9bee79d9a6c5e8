package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds, from an action's contract example, the request that sits exactly at a constraint's limit
 * and the one just over it. Missing parent objects are filled with minimal valid samples of their
 * schema, so every field can be reached.
 */
public final class Requests {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Characters tried, in order, for values that must (not) match a pattern. */
  private static final List<String> VALID = List.of("a", "0", "_");
  private static final List<String> INVALID = List.of(" ", "*", "é", "/", "\u0000");
  /** A multi-byte character: limits count characters, not bytes. */
  private static final String WIDE = "你";

  private final Spec spec;

  /** @param spec the contract */
  public Requests(Spec spec) {
    this.spec = spec;
  }

  /** @return the request whose constrained field is exactly at the limit (must be accepted) */
  public ObjectNode atLimit(Constraint c) {
    ObjectNode body = base(c);
    if (c.keyword().equals("required")) {
      return body; // present and valid
    }
    set(body, c, atValue(c));
    return body;
  }

  /** @return the request that breaks the constraint by the smallest step (must be refused) */
  public ObjectNode overLimit(Constraint c) {
    ObjectNode body = base(c);
    if (c.keyword().equals("required")) {
      parentOf(body, c).remove((String) c.path().get(c.path().size() - 1));
      return body;
    }
    set(body, c, overValue(c));
    return body;
  }

  /**
   * @param c a {@code required}-style constraint naming the field (only its path is used)
   * @return the request with that field set to JSON {@code null}, its parents present
   */
  public ObjectNode withNull(Constraint c) {
    ObjectNode body = base(c);
    parentOf(body, c).putNull((String) c.path().get(c.path().size() - 1));
    return body;
  }

  /**
   * The action's example with every object and array on the constraint's path present. When the
   * field sits under one of the request's {@code x-zego-exclusive} alternatives, the others are
   * left out: with several, only the first listed takes effect (e.g. CDN over RTC), and the case
   * must test the one it names.
   */
  private ObjectNode base(Constraint c) {
    ObjectNode body = spec.requestExample(c.action());
    String top = (String) c.path().get(0);
    spec.model().exclusiveOf(spec.model().action(c.action()).request().target())
        .filter(e -> e.properties().contains(top))
        .ifPresent(e -> e.othersThan(top).forEach(body::remove));
    parentOf(body, c);
    return body;
  }

  /** Walks (and creates) the containers down to the field's parent object. */
  private ObjectNode parentOf(ObjectNode body, Constraint c) {
    JsonNode schema = spec.requestSchema(c.action());
    JsonNode node = body;
    List<Object> path = c.path();
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      if (step instanceof String name) {
        JsonNode object = spec.flatten(schema);
        schema = spec.flatten(object.path("properties").has(name) ? object.path("properties").path(name)
            : object.path("additionalProperties")); // a map key (Constraints.MAP_KEY)
        ObjectNode parent = (ObjectNode) node;
        if (!parent.has(name) || parent.get(name).isNull()) {
          parent.set(name, schema.path("type").asText().equals("array") ? F.arrayNode() : sample(schema));
        }
        node = parent.get(name);
      } else {
        schema = spec.flatten(spec.flatten(schema).path("items"));
        ArrayNode array = (ArrayNode) node;
        if (array.isEmpty()) {
          array.add(sample(schema));
        }
        node = array.get(0);
      }
    }
    if (!(node instanceof ObjectNode)) {
      // The field is an array item: its "parent" for set() is the array's holder.
      return null;
    }
    return (ObjectNode) node;
  }

  private void set(ObjectNode body, Constraint c, JsonNode value) {
    List<Object> path = c.path();
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer) {
      // An item constraint (e.g. AgentIds[0] maxLength): make the array hold exactly this value.
      Constraint holder = new Constraint(c.action(), path.subList(0, path.size() - 1), "required", null, null, false);
      ObjectNode parent = parentOf(body, holder);
      String name = (String) path.get(path.size() - 2);
      ArrayNode array = F.arrayNode().add(value);
      parent.set(name, array);
    } else {
      parentOf(body, c).set((String) last, value);
    }
  }

  private JsonNode atValue(Constraint c) {
    JsonNode s = c.schema();
    return switch (c.keyword()) {
      case "maxLength" -> F.textNode(repeat(fill(s), c.limit().asInt()));
      case "minLength" -> F.textNode(repeat(fill(s), c.limit().asInt()));
      case "pattern" -> F.textNode(fill(s));
      case "minimum" -> number(s, c.limit().decimalValue());
      case "maximum" -> number(s, c.limit().decimalValue());
      case "enum" -> c.limit().get(c.limit().size() - 1);
      case "maxItems" -> items(s, c.limit().asInt());
      default -> throw new IllegalArgumentException(c.keyword());
    };
  }

  private JsonNode overValue(Constraint c) {
    JsonNode s = c.schema();
    return switch (c.keyword()) {
      case "maxLength" -> F.textNode(repeat(fill(s), c.limit().asInt() + 1));
      case "minLength" -> F.textNode(repeat(fill(s), c.limit().asInt() - 1));
      case "pattern" -> F.textNode(invalidFor(s.get("pattern").asText()));
      case "minimum" -> number(s, c.limit().decimalValue().subtract(step(s)));
      case "maximum" -> number(s, c.limit().decimalValue().add(step(s)));
      case "enum" -> outsideEnum(c.limit());
      case "maxItems" -> items(s, c.limit().asInt() + 1);
      default -> throw new IllegalArgumentException(c.keyword());
    };
  }

  /** A single character the field accepts: a multi-byte one where no pattern restricts it. */
  private static String fill(JsonNode schema) {
    if (!schema.has("pattern")) {
      return WIDE;
    }
    Pattern p = Pattern.compile(schema.get("pattern").asText());
    return VALID.stream().filter(ch -> p.matcher(ch).matches()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no simple value matches " + p));
  }

  private static String invalidFor(String regex) {
    Pattern p = Pattern.compile(regex);
    return INVALID.stream().filter(ch -> !p.matcher(ch).matches()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no simple value breaks " + regex));
  }

  private static String repeat(String unit, int n) {
    return unit.repeat(Math.max(0, n));
  }

  private static java.math.BigDecimal step(JsonNode schema) {
    return "integer".equals(schema.path("type").asText()) ? java.math.BigDecimal.ONE : new java.math.BigDecimal("0.1");
  }

  private static JsonNode number(JsonNode schema, java.math.BigDecimal value) {
    return "integer".equals(schema.path("type").asText()) ? F.numberNode(value.longValueExact()) : F.numberNode(value);
  }

  private static JsonNode outsideEnum(JsonNode values) {
    if (values.get(0).isTextual()) {
      return new TextNode("NotInTheContract");
    }
    long max = Long.MIN_VALUE;
    for (JsonNode v : values) {
      max = Math.max(max, v.asLong());
    }
    return F.numberNode(max + 1);
  }

  private JsonNode items(JsonNode arraySchema, int n) {
    ArrayNode array = F.arrayNode();
    JsonNode item = sample(spec.flatten(arraySchema.path("items")));
    for (int i = 0; i < n; i++) {
      array.add(item.deepCopy());
    }
    return array;
  }

  /**
   * A minimal valid instance of a schema: required properties only, first enum values, minimums.
   *
   * @param schema a resolved schema
   * @return the sample
   */
  public JsonNode sample(JsonNode schema) {
    JsonNode s = spec.flatten(schema);
    if (s.has("enum")) {
      return s.get("enum").get(0);
    }
    switch (s.path("type").asText("object")) {
      case "string":
        return F.textNode(repeat(fill(s), Math.max(1, s.path("minLength").asInt(1))));
      case "integer":
        return F.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 0L);
      case "number":
        return s.has("minimum") ? s.get("minimum") : F.numberNode(0);
      case "boolean":
        return F.booleanNode(false);
      case "array":
        return F.arrayNode();
      default:
        ObjectNode o = F.objectNode();
        s.path("required").forEach(r -> o.set(r.asText(), sample(s.path("properties").path(r.asText()))));
        return o;
    }
  }
}
