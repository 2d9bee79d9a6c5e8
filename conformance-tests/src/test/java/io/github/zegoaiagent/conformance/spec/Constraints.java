package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every request schema of the contract and lists each constraint it states.
 *
 * <p>The walk follows {@code $ref}s, folds {@code allOf} members into one schema
 * ({@link Spec#flatten}), descends into object properties, first array items and map value schemas
 * ({@code additionalProperties}), and <b>fails</b> on any keyword it does not know how to turn into
 * cases (say {@code minItems}, {@code exclusiveMinimum} or a {@code oneOf} in a request), naming
 * the action, the field and the keyword: the suite's coverage cannot shrink unnoticed when the
 * contract starts using one.
 */
public final class Constraints {

  /** The keywords the suite turns into at-limit / just-over requests. */
  public static final List<String> KEYWORDS = List.of("maxLength", "minLength", "pattern", "minimum", "maximum",
      "enum", "maxItems");
  /** Keywords that give the walk its shape (what it descends into or reads the type from). */
  private static final Set<String> STRUCTURE = Set.of("type", "properties", "required", "items",
      "additionalProperties", "$ref");
  /**
   * Keywords that constrain nothing a case could test: text, examples, defaults the service applies,
   * the Java width of a number ({@code format}: only the widths below), nullable, generated
   * constant names ({@code x-enum-varnames}) and the contract's own extensions (read elsewhere:
   * x-zego-assumed here, x-zego-exclusive in Requests; legacy values are accepted, never refused).
   */
  private static final Set<String> INERT = Set.of("description", "example", "default", "deprecated", "title",
      "format", "nullable", "x-enum-varnames", "x-zego-secret", "x-zego-legacy", "x-zego-assumed",
      "x-zego-exclusive", "x-zego-exception-codes");
  private static final Set<String> FORMATS = Set.of("int32", "int64", "float", "double");
  /** Key under which a map's value schema is exercised. */
  public static final String MAP_KEY = "k1";

  private final Spec spec;

  /** @param spec the contract */
  public Constraints(Spec spec) {
    this.spec = spec;
  }

  /**
   * @return every constraint of every action's request body, in contract order
   * @throws IllegalStateException naming the action, field and keyword for a keyword the walk does not handle
   */
  public List<Constraint> all() {
    List<Constraint> out = new ArrayList<>();
    for (String action : spec.actions()) {
      walk(action, spec.requestSchema(action), new ArrayList<>(), out, new HashSet<>(), false);
    }
    return out;
  }

  /**
   * Every optional property of every request body, at any depth (inside objects and first array
   * items), as a constraint with keyword {@code optional}: what {@code x-zego-tolerance.nullMeansAbsent}
   * lets a client send as {@code null}.
   *
   * @return the optional properties, in contract order
   */
  public List<Constraint> optionals() {
    List<Constraint> all = new ArrayList<>();
    for (String action : spec.actions()) {
      walk(action, spec.requestSchema(action), new ArrayList<>(), all, new HashSet<>(), true);
    }
    return all.stream().filter(c -> c.keyword().equals("optional")).toList();
  }

  private void walk(String action, JsonNode objectSchema, List<Object> path, List<Constraint> out, Set<JsonNode> seen,
      boolean optionals) {
    JsonNode schema = spec.flatten(objectSchema);
    if (!seen.add(schema)) {
      return; // recursion guard
    }
    handled(action, path, schema);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (var it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      List<Object> here = new ArrayList<>(path);
      here.add(property.getKey());
      JsonNode field = spec.flatten(property.getValue());
      handled(action, here, field);
      if (required.contains(property.getKey())) {
        out.add(new Constraint(action, List.copyOf(here), "required", null, field, false));
      } else if (optionals) {
        out.add(new Constraint(action, List.copyOf(here), "optional", null, field, false));
      }
      keywords(action, here, field, out);
      value(action, here, field, out, seen, optionals);
    }
    JsonNode values = schema.get("additionalProperties");
    if (values != null && values.isObject()) {
      List<Object> here = new ArrayList<>(path);
      here.add(MAP_KEY);
      JsonNode field = spec.flatten(values);
      handled(action, here, field);
      keywords(action, here, field, out);
      value(action, here, field, out, seen, optionals);
    }
    seen.remove(schema);
  }

  /** Descends into an object, array items or map values below a field. */
  private void value(String action, List<Object> here, JsonNode field, List<Constraint> out, Set<JsonNode> seen,
      boolean optionals) {
    if (field.has("properties") || field.path("additionalProperties").isObject()) {
      walk(action, field, here, out, seen, optionals);
    } else if ("array".equals(field.path("type").asText())) {
      List<Object> item = new ArrayList<>(here);
      item.add(0);
      JsonNode items = spec.flatten(field.path("items"));
      handled(action, item, items);
      if (items.has("properties") || items.path("additionalProperties").isObject()) {
        walk(action, items, item, out, seen, optionals);
      } else {
        keywords(action, item, items, out);
      }
    }
  }

  /** Fails on any keyword of {@code schema} that is neither turned into cases, nor structure, nor inert. */
  private static void handled(String action, List<Object> path, JsonNode schema) {
    schema.fieldNames().forEachRemaining(k -> {
      if (!KEYWORDS.contains(k) && !STRUCTURE.contains(k) && !INERT.contains(k)) {
        throw unhandled(action, path, "keyword " + k + " (" + schema.get(k) + ")");
      }
    });
    if (schema.has("format") && !FORMATS.contains(schema.get("format").asText())) {
      throw unhandled(action, path, "format " + schema.get("format").asText());
    }
    JsonNode extra = schema.get("additionalProperties");
    if (extra != null && !extra.isBoolean() && !extra.isObject()) {
      throw unhandled(action, path, "additionalProperties " + extra);
    }
  }

  private static IllegalStateException unhandled(String action, List<Object> path, String what) {
    String at = new Constraint(action, path, "", null, null, false).jsonPath();
    return new IllegalStateException("the conformance case generator does not handle " + what + " at " + action
        + " " + (at.isEmpty() ? "(body)" : at) + ": teach spec/Constraints and spec/Requests to test it,"
        + " or the suite would silently skip it");
  }

  private static void keywords(String action, List<Object> path, JsonNode field, List<Constraint> out) {
    Set<String> assumed = new HashSet<>();
    field.path("x-zego-assumed").forEach(a -> assumed.add(a.asText()));
    for (String keyword : KEYWORDS) {
      if (field.has(keyword)) {
        out.add(new Constraint(action, List.copyOf(path), keyword, field.get(keyword), field, assumed.contains(keyword)));
      }
    }
  }
}
