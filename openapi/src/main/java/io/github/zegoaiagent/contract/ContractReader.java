package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the typed facts out of a contract document and checks every {@code x-zego-*} extension
 * for its documented form (see {@link ZegoContract} for the list). Problems are collected, not
 * thrown one by one, so a broken document reports all of them at once; each names its JSON pointer.
 */
final class ContractReader {
  private static final String JSON = "application/json";
  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  static final Pattern CODE = Pattern.compile("0|[1-9][0-9]*");
  static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Set<String> KNOWN = Set.of("x-zego-action", "x-zego-errors", "x-zego-live-digital-human",
      "x-zego-read-only", "x-zego-tolerance", "x-zego-limits", "x-zego-return-codes", "x-zego-secret",
      "x-zego-legacy", "x-zego-assumed", "x-zego-exception-codes", "x-zego-region", "x-zego-schema",
      "x-zego-exclusive", "x-zego-custom-llm");

  private final JsonNode root;
  final List<String> problems = new ArrayList<>();
  final List<EnumValues> enums = new ArrayList<>();
  final List<DefaultValue> defaults = new ArrayList<>();
  final List<Exclusive> exclusives = new ArrayList<>();
  final Set<String> secretNames = new LinkedHashSet<>();
  Map<Integer, ReturnCode> returnCodes = Map.of();
  Tolerance tolerance;
  Limits limits;
  CustomLlm customLlm;
  final Set<Integer> exceptionCodes = new LinkedHashSet<>();

  ContractReader(JsonNode root) {
    this.root = root;
  }

  /** Checks and reads everything except actions and callbacks. */
  void readRoot() {
    RootBlocks blocks = new RootBlocks(this);
    tolerance = blocks.tolerance(root.path("x-zego-tolerance"), "/x-zego-tolerance");
    limits = blocks.limits(root.path("x-zego-limits"), "/x-zego-limits");
    returnCodes = blocks.returnCodes(root.path("x-zego-return-codes"), "/x-zego-return-codes");
    walk(root, "");
    caseInsensitiveEnums();
    // Read after the walk, which collects the exception codes its failures must name.
    customLlm = blocks.customLlm(root.path("x-zego-custom-llm"), "/x-zego-custom-llm");
  }

  /**
   * Each pointer of {@code x-zego-tolerance.caseInsensitiveValues} names a string enum whose
   * values (legacy ones included) stay distinct when case is ignored, or a case variant would
   * stand for two of them.
   */
  private void caseInsensitiveEnums() {
    List<String> pointers = tolerance.caseInsensitiveValues();
    for (int i = 0; i < pointers.size(); i++) {
      String p = pointers.get(i);
      String at = "/x-zego-tolerance/caseInsensitiveValues/" + i;
      EnumValues e = enums.stream().filter(x -> x.schema().equals(p)).findFirst().orElse(null);
      if (e == null || !e.values().stream().allMatch(v -> v.startsWith("\""))) {
        problem(at, p + " is not a string enum of the document");
        continue;
      }
      Set<String> seen = new java.util.HashSet<>();
      List<String> all = new ArrayList<>(e.values().stream().map(v -> Pointers.json(v).asText()).toList());
      e.legacy().forEach(l -> all.add(l.value()));
      for (String v : all) {
        if (!seen.add(v.toLowerCase(java.util.Locale.ROOT))) {
          problem(at, p + " has two values that differ only in case (" + v + "); ignoring case would mix them up");
        }
      }
    }
  }

  // ---------------------------------------------------------------- the whole-document walk

  /** Visits every node outside examples: extension forms, enums, defaults, secret names. */
  private void walk(JsonNode node, String at) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    node.properties().forEach(e -> {
      String key = e.getKey();
      String where = Pointers.child(at, key);
      if (key.startsWith("x-zego-")) {
        if (!KNOWN.contains(key)) {
          problem(where, "unknown extension " + key + " (known: " + new java.util.TreeSet<>(KNOWN) + ")");
        }
        schemaExtension(node, at, key, e.getValue());
      }
    });
    if (node.has("x-zego-legacy") && !node.path("enum").isArray()) {
      legacy(node, at); // reports it: legacy values belong on an enum
    }
    if (node.path("enum").isArray() && !at.endsWith("/properties")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(v -> values.add(Pointers.text(v)));
      enums.add(new EnumValues(at, values, legacy(node, at)));
    }
    if (node.has("default") && !at.endsWith("/properties")) {
      defaults.add(new DefaultValue(at, Pointers.text(node.get("default"))));
    }
    if (node.path("properties").isObject()) {
      node.get("properties").properties().forEach(p -> {
        if (p.getValue().path("x-zego-secret").asBoolean(false)) {
          secretNames.add(p.getKey());
        }
      });
    }
    node.properties().forEach(e -> {
      if (!e.getKey().equals("example") && !e.getKey().equals("examples") && !e.getKey().startsWith("x-zego-")) {
        walk(e.getValue(), Pointers.child(at, e.getKey()));
      }
    });
  }

  /** Form checks of the extensions that sit on schemas, servers and security schemes. */
  void schemaExtension(JsonNode holder, String at, String key, JsonNode value) {
    String where = Pointers.child(at, key);
    switch (key) {
      case "x-zego-secret" -> {
        if (!value.isBoolean()) {
          problem(where, "must be true or false");
        }
      }
      case "x-zego-assumed" -> {
        if (!value.isArray() || value.isEmpty()) {
          problem(where, "must be a non-empty list of keywords this schema states");
        } else {
          value.forEach(k -> {
            if (!k.isTextual() || !holder.has(k.asText())) {
              problem(where, "names " + k + ", which is not a keyword of this schema");
            }
          });
        }
      }
      case "x-zego-exception-codes" -> {
        if (!value.isObject() || value.isEmpty()) {
          problem(where, "must be a non-empty map of decimal code to description");
        } else {
          value.properties().forEach(c -> {
            if (!CODE.matcher(c.getKey()).matches() || !c.getValue().isTextual() || c.getValue().asText().isBlank()) {
              problem(Pointers.child(where, c.getKey()), "must be a decimal code mapped to a non-empty description");
            } else if (c.getKey().length() < 10) {
              exceptionCodes.add(Integer.parseInt(c.getKey()));
            }
          });
        }
      }
      case "x-zego-region" -> {
        if (!value.isTextual() || !UPPER_SNAKE.matcher(value.asText()).matches()) {
          problem(where, "must be an UPPER_SNAKE_CASE string");
        }
      }
      case "x-zego-schema" -> {
        if (!value.isObject() || !value.has("type")) {
          problem(where, "must be a schema with a type");
        }
      }
      case "x-zego-exclusive" -> exclusive(holder, at, where, value);
      default -> { } // operation and root extensions are checked where they are read; x-zego-legacy with its enum
    }
  }

  private void exclusive(JsonNode holder, String at, String where, JsonNode value) {
    if (!value.isArray() || value.size() < 2) {
      problem(where, "must be a list of at least two property names of this object schema");
      return;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : value) {
      if (!n.isTextual() || !holder.path("properties").has(n.asText())) {
        problem(where, "names " + n + ", which is not a property of this schema");
      } else if (names.contains(n.asText())) {
        problem(where, "names " + n + " twice");
      } else {
        names.add(n.asText());
      }
    }
    exclusives.add(new Exclusive(at, names));
  }

  private List<LegacyValue> legacy(JsonNode schema, String at) {
    JsonNode legacy = schema.get("x-zego-legacy");
    if (legacy == null) {
      return List.of();
    }
    String where = at + "/x-zego-legacy";
    JsonNode values = schema.path("enum");
    if (values.isEmpty() || !values.get(0).isTextual()) {
      problem(where, "is not on a string enum");
    }
    if (!legacy.isArray() || legacy.isEmpty()) {
      problem(where, "must be a non-empty list of {value, note}");
      return List.of();
    }
    List<LegacyValue> out = new ArrayList<>();
    for (JsonNode l : legacy) {
      if (!l.isObject() || !l.path("value").isTextual() || l.path("note").asText("").isBlank()) {
        problem(where, "entry " + l + " needs a string value and a note");
        continue;
      }
      for (JsonNode v : values) {
        if (v.equals(l.get("value"))) {
          problem(where, "legacy value " + v + " is also in enum");
        }
      }
      out.add(new LegacyValue(at, l.get("value").asText(), l.get("note").asText()));
    }
    return out;
  }

  // ---------------------------------------------------------------- operations and callbacks

  List<Action> actions() {
    List<Action> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonNode paths = root.path("paths");
    if (!paths.isObject()) {
      problem("/paths", "must be a map of virtual action paths");
      return out;
    }
    paths.properties().forEach(p -> {
      String itemAt = Pointers.child("/paths", p.getKey());
      for (String method : METHODS) {
        JsonNode op = p.getValue().get(method);
        if (op != null) {
          Action a = action(p.getKey(), method, op, Pointers.child(itemAt, method));
          if (a != null && !names.add(a.name())) {
            problem(Pointers.child(itemAt, method) + "/x-zego-action", "repeats " + a.name());
          }
          if (a != null) {
            out.add(a);
          }
        }
      }
    });
    return out;
  }

  private Action action(String path, String method, JsonNode op, String at) {
    JsonNode action = op.path("x-zego-action");
    boolean named = action.isTextual() && path.equals("/" + action.asText());
    if (!named) {
      problem(at + "/x-zego-action", "must be the action name of the virtual path " + path + "; it is " + action);
    }
    List<Integer> errors = new ArrayList<>();
    JsonNode e = op.get("x-zego-errors");
    if (e != null) {
      if (!e.isArray()) {
        problem(at + "/x-zego-errors", "must be a list of return codes");
      } else {
        for (JsonNode code : e) {
          if (!code.isInt()) {
            problem(at + "/x-zego-errors", "entry " + code + " is not an integer");
          } else if (!returnCodes.containsKey(code.intValue())) {
            problem(at + "/x-zego-errors", "lists " + code + ", which is not in x-zego-return-codes");
          } else {
            errors.add(code.intValue());
          }
        }
      }
    }
    JsonNode live = op.get("x-zego-live-digital-human");
    if (live != null && !"allowed".equals(live.asText())) {
      problem(at + "/x-zego-live-digital-human", "must be allowed when present");
    }
    JsonNode readOnly = op.get("x-zego-read-only");
    if (readOnly != null && !readOnly.isBoolean()) {
      problem(at + "/x-zego-read-only", "must be true or false");
    }
    if (!named) {
      return null; // its other extensions are checked above; there is no action to build
    }
    String requestAt = at + "/requestBody/content/application~1json/schema";
    String responseAt = at + "/responses/200/content/application~1json/schema";
    SchemaRef request = schemaRef(requestAt);
    SchemaRef response = schemaRef(responseAt);
    List<SecretPath> secrets = new ArrayList<>();
    if (request != null) {
      secrets(request.target(), new ArrayList<>(), secrets, new HashSet<>());
    }
    List<String> tags = new ArrayList<>();
    op.path("tags").forEach(t -> tags.add(t.asText()));
    return new Action(action.asText(), path, method.toUpperCase(Locale.ROOT), op.path("operationId").asText(""),
        tags, request, response, errors, readOnly != null && readOnly.asBoolean(), live != null, secrets,
        examples(resolve(at + "/requestBody") + "/content/application~1json/examples"),
        examples(resolve(at + "/responses/200") + "/content/application~1json/examples"));
  }

  List<Callback> callbacks() {
    List<Callback> out = new ArrayList<>();
    root.path("components").path("callbacks").properties().forEach(c -> {
      String at = Pointers.child("/components/callbacks", c.getKey());
      c.getValue().properties().forEach(u -> {
        for (String method : METHODS) {
          if (u.getValue().has(method)) {
            String opAt = Pointers.child(Pointers.child(at, u.getKey()), method);
            out.add(new Callback(c.getKey(), u.getKey(), method.toUpperCase(Locale.ROOT),
                schemaRef(opAt + "/requestBody/content/application~1json/schema"),
                examples(resolve(opAt + "/requestBody") + "/content/application~1json/examples")));
          }
        }
      });
    });
    return out;
  }

  private Map<String, String> examples(String at) {
    Map<String, String> out = new LinkedHashMap<>();
    root.at(at).properties().forEach(x -> {
      JsonNode value = root.at(resolve(Pointers.child(at, x.getKey()))).get("value");
      if (value != null) {
        out.put(x.getKey(), Pointers.text(value));
      }
    });
    return out;
  }

  private SchemaRef schemaRef(String at) {
    if (root.at(at).isMissingNode()) {
      return null;
    }
    return new SchemaRef(at, resolve(at));
  }

  /**
   * Follows internal {@code $ref}s from the node at {@code at}.
   *
   * @return the pointer of the node finally referred to; an unresolvable or external ref is a problem
   */
  String resolve(String at) {
    String current = at;
    Set<String> seen = new HashSet<>();
    for (JsonNode node = root.at(current); node.has("$ref"); node = root.at(current)) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#") || !seen.add(ref) || root.at(ref.substring(1)).isMissingNode()) {
        problem(current + "/$ref", ref + " is external, circular or points nowhere");
        return current;
      }
      current = ref.substring(1);
    }
    return current;
  }

  /** Secret property paths below the schema at {@code at} (refs, combinators, items, map values). */
  private void secrets(String at, List<String> path, List<SecretPath> out, Set<String> onPath) {
    String target = resolve(at);
    JsonNode schema = root.at(target);
    if (!schema.isObject() || !onPath.add(target)) {
      return;
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (int i = 0; i < schema.path(combinator).size(); i++) {
        secrets(target + "/" + combinator + "/" + i, path, out, onPath);
      }
    }
    if (schema.has("items")) {
      secrets(target + "/items", path, out, onPath);
    }
    schema.path("properties").fieldNames().forEachRemaining(name -> property(
        Pointers.child(target + "/properties", name), name, path, out, onPath));
    if (schema.path("additionalProperties").isObject()) {
      property(target + "/additionalProperties", "*", path, out, onPath);
    }
    onPath.remove(target);
  }

  private void property(String at, String name, List<String> path, List<SecretPath> out, Set<String> onPath) {
    List<String> here = new ArrayList<>(path);
    here.add(name);
    String target = resolve(at);
    if (root.at(at).path("x-zego-secret").asBoolean(false) || root.at(target).path("x-zego-secret").asBoolean(false)) {
      out.add(new SecretPath(here, root.at(at).has("x-zego-secret") ? at : target));
    } else {
      secrets(at, here, out, onPath);
    }
  }

  private void problem(String at, String message) {
    problems.add("#" + at + ": " + message);
  }
}
