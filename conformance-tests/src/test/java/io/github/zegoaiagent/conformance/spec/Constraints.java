package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks every request schema of the contract and lists each constraint it states. */
public final class Constraints {

  /** The keywords the suite turns into at-limit / just-over requests. */
  public static final List<String> KEYWORDS = List.of("maxLength", "minLength", "pattern", "minimum", "maximum",
      "enum", "maxItems");

  private final Spec spec;

  /** @param spec the contract */
  public Constraints(Spec spec) {
    this.spec = spec;
  }

  /** @return every constraint of every action's request body, in contract order */
  public List<Constraint> all() {
    List<Constraint> out = new ArrayList<>();
    for (String action : spec.actions()) {
      walk(action, spec.requestSchema(action), new ArrayList<>(), out, new HashSet<>());
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

  private void walk(String action, JsonNode objectSchema, List<Object> path, List<Constraint> out, Set<JsonNode> seen) {
    walk(action, objectSchema, path, out, seen, false);
  }

  private void walk(String action, JsonNode objectSchema, List<Object> path, List<Constraint> out, Set<JsonNode> seen,
      boolean optionals) {
    JsonNode schema = spec.resolve(objectSchema);
    if (!seen.add(schema)) {
      return; // recursion guard
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (var it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      List<Object> here = new ArrayList<>(path);
      here.add(property.getKey());
      JsonNode field = spec.resolve(property.getValue());
      if (required.contains(property.getKey())) {
        out.add(new Constraint(action, List.copyOf(here), "required", null, field, false));
      } else if (optionals) {
        out.add(new Constraint(action, List.copyOf(here), "optional", null, field, false));
      }
      keywords(action, here, field, out);
      if ("object".equals(field.path("type").asText()) && field.has("properties")) {
        walk(action, field, here, out, seen, optionals);
      } else if ("array".equals(field.path("type").asText())) {
        List<Object> item = new ArrayList<>(here);
        item.add(0);
        JsonNode items = spec.resolve(field.path("items"));
        if (items.has("properties")) {
          walk(action, items, item, out, seen, optionals);
        } else {
          keywords(action, item, items, out);
        }
      }
    }
    seen.remove(schema);
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
