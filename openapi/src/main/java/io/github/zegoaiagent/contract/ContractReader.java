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
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern CODE = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Set<String> LAYERS = Set.of("success", "gateway", "business");
  private static final Set<String> RETURN_CODE_KEYS =
      Set.of("name", "layer", "category", "retryable", "scope", "description");
  private static final Set<String> KNOWN = Set.of("x-zego-action", "x-zego-errors", "x-zego-live-digital-human",
      "x-zego-read-only", "x-zego-tolerance", "x-zego-limits", "x-zego-return-codes", "x-zego-secret",
      "x-zego-legacy", "x-zego-assumed", "x-zego-exception-codes", "x-zego-region", "x-zego-schema",
      "x-zego-exclusive", "x-zego-custom-llm");
  private static final Set<String> CUSTOM_LLM_KEYS =
      Set.of("vendor", "method", "headers", "request", "stream", "failures", "x-zego-assumed");
  private static final Pattern HTTP_STATUS = Pattern.compile("[1-5][0-9][0-9]");

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
    tolerance = tolerance(root.path("x-zego-tolerance"), "/x-zego-tolerance");
    limits = limits(root.path("x-zego-limits"), "/x-zego-limits");
    returnCodes = returnCodes(root.path("x-zego-return-codes"), "/x-zego-return-codes");
    walk(root, "");
    customLlm = customLlm(root.path("x-zego-custom-llm"), "/x-zego-custom-llm");
  }

  /** The root x-zego-custom-llm (optional): read after the walk, which collects the exception codes. */
  private CustomLlm customLlm(JsonNode b, String at) {
    if (b.isMissingNode()) {
      return null;
    }
    if (!b.isObject()) {
      problem(at, "must be a map {vendor, method, headers, request, stream, failures}");
      return null;
    }
    b.fieldNames().forEachRemaining(k -> {
      if (!CUSTOM_LLM_KEYS.contains(k)) {
        problem(Pointers.child(at, k), "unknown key " + k + "; allowed: " + new java.util.TreeSet<>(CUSTOM_LLM_KEYS));
      }
    });
    if (b.has("x-zego-assumed")) {
      schemaExtension(b, at, "x-zego-assumed", b.get("x-zego-assumed"));
    }
    String vendor = nonEmptyText(b.path("vendor"), at + "/vendor");
    String method = nonEmptyText(b.path("method"), at + "/method");
    if (!METHODS.contains(method.toLowerCase(Locale.ROOT)) || !method.equals(method.toUpperCase(Locale.ROOT))) {
      problem(at + "/method", "must be an upper-case HTTP method");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = b.path("headers");
    if (!h.isObject()) {
      problem(at + "/headers", "must be a map of header name to value");
    } else {
      h.fields().forEachRemaining(e -> headers.put(e.getKey(),
          nonEmptyText(e.getValue(), Pointers.child(at + "/headers", e.getKey()))));
    }
    JsonNode request = b.path("request");
    if (!request.isObject() || !request.path("type").asText("").equals("object")) {
      problem(at + "/request", "must be the request body's schema (type: object)");
    }
    JsonNode stream = b.path("stream");
    String dataPrefix = nonEmptyText(stream.path("dataPrefix"), at + "/stream/dataPrefix");
    String done = nonEmptyText(stream.path("doneMarker"), at + "/stream/doneMarker");
    String finish = nonEmptyText(stream.path("finishReason"), at + "/stream/finishReason");
    JsonNode f = b.path("failures");
    int general = exceptionCode(f.path("general"), at + "/failures/general");
    Integer invalid = f.has("invalidConfiguration")
        ? exceptionCode(f.get("invalidConfiguration"), at + "/failures/invalidConfiguration") : null;
    Map<Integer, Integer> byStatus = new LinkedHashMap<>();
    JsonNode s = f.path("byHttpStatus");
    if (!s.isMissingNode() && !s.isObject()) {
      problem(at + "/failures/byHttpStatus", "must be a map of HTTP status to Exception code");
    }
    s.fields().forEachRemaining(e -> {
      String where = Pointers.child(at + "/failures/byHttpStatus", e.getKey());
      if (!HTTP_STATUS.matcher(e.getKey()).matches() || e.getKey().equals("200")) {
        problem(where, "must be an HTTP status other than 200");
        return;
      }
      byStatus.put(Integer.parseInt(e.getKey()), exceptionCode(e.getValue(), where));
    });
    return new CustomLlm(vendor, method, headers, request.isObject() ? request : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
        dataPrefix, done, finish, general, invalid, byStatus);
  }

  private String nonEmptyText(JsonNode n, String at) {
    if (!n.isTextual() || n.asText().isBlank()) {
      problem(at, "must be a non-empty string");
      return "";
    }
    return n.asText();
  }

  /** A code of some x-zego-exception-codes map of the document. */
  private int exceptionCode(JsonNode n, String at) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      problem(at, "must be an Exception code (an integer)");
      return 0;
    }
    if (!exceptionCodes.contains(n.intValue())) {
      problem(at, n.intValue() + " is not listed in any x-zego-exception-codes of the document");
    }
    return n.intValue();
  }

  // ---------------------------------------------------------------- root extensions

  private Tolerance tolerance(JsonNode t, String at) {
    if (!t.isObject()) {
      problem(at, "must be a map {nullMeansAbsent, unknownProperties, legacyValues, openEnums}");
      return new Tolerance(false, false, "x-zego-legacy", false);
    }
    String unknown = t.path("unknownProperties").asText("");
    if (!t.path("nullMeansAbsent").isBoolean()) {
      problem(at + "/nullMeansAbsent", "must be true or false");
    }
    if (!unknown.equals("ignored") && !unknown.equals("refused")) {
      problem(at + "/unknownProperties", "must be ignored or refused");
    }
    if (!"x-zego-legacy".equals(t.path("legacyValues").asText())) {
      problem(at + "/legacyValues", "must name the extension x-zego-legacy");
    }
    if (!t.path("openEnums").isBoolean()) {
      problem(at + "/openEnums", "must be true or false");
    }
    return new Tolerance(t.path("nullMeansAbsent").asBoolean(false), unknown.equals("ignored"),
        t.path("legacyValues").asText(""), t.path("openEnums").asBoolean(false));
  }

  private Limits limits(JsonNode l, String at) {
    Map<String, Long> numbers = new LinkedHashMap<>();
    Map<String, List<Long>> lists = new LinkedHashMap<>();
    if (l.isMissingNode()) {
      return new Limits(numbers, lists); // a contract without service-wide numbers
    }
    if (!l.isObject()) {
      problem(at, "must be a map of name to a non-negative integer or a list of them");
      return new Limits(numbers, lists);
    }
    l.fields().forEachRemaining(e -> {
      String where = Pointers.child(at, e.getKey());
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
        numbers.put(e.getKey(), v.longValue());
      } else if (v.isArray() && !v.isEmpty()) {
        List<Long> values = new ArrayList<>();
        for (JsonNode n : v) {
          if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            problem(where, "list entry " + n + " is not a non-negative integer");
          } else {
            values.add(n.longValue());
          }
        }
        lists.put(e.getKey(), List.copyOf(values));
      } else {
        problem(where, "must be a non-negative integer or a non-empty list of them; it is " + v);
      }
    });
    return new Limits(numbers, lists);
  }

  private Map<Integer, ReturnCode> returnCodes(JsonNode codes, String at) {
    Map<Integer, ReturnCode> out = new LinkedHashMap<>();
    if (!codes.isObject() || codes.isEmpty()) {
      problem(at, "must be a non-empty map of decimal code to {name, layer, category, description}");
      return out;
    }
    codes.fields().forEachRemaining(e -> {
      String where = Pointers.child(at, e.getKey());
      JsonNode v = e.getValue();
      if (!CODE.matcher(e.getKey()).matches() || e.getKey().length() > 10
          || Long.parseLong(e.getKey()) > Integer.MAX_VALUE) {
        problem(where, "key is not a decimal code that fits an int");
        return;
      }
      if (!v.isObject()) {
        problem(where, "must be a map {name, layer, category, description[, retryable][, scope]}");
        return;
      }
      v.fieldNames().forEachRemaining(k -> {
        if (!RETURN_CODE_KEYS.contains(k)) {
          problem(where, "unknown key " + k + "; allowed: " + new java.util.TreeSet<>(RETURN_CODE_KEYS));
        }
      });
      String name = v.path("name").asText("");
      if (!v.path("name").isTextual() || !UPPER_SNAKE.matcher(name).matches()) {
        problem(where + "/name", "'" + name + "' is not an UPPER_SNAKE_CASE string");
      }
      if (!v.path("layer").isTextual() || !LAYERS.contains(v.path("layer").asText())) {
        problem(where + "/layer", "must be one of [business, gateway, success]");
      }
      for (String text : List.of("category", "description")) {
        if (!v.path(text).isTextual() || v.path(text).asText().isBlank()) {
          problem(where + "/" + text, "must be a non-empty string");
        }
      }
      if (v.has("retryable") && !v.get("retryable").isBoolean()) {
        problem(where + "/retryable", "must be true or false");
      }
      if (v.has("scope") && !"all".equals(v.get("scope").asText())) {
        problem(where + "/scope", "must be all when present");
      }
      out.put(Integer.parseInt(e.getKey()), new ReturnCode(Integer.parseInt(e.getKey()), name,
          v.path("layer").asText(""), v.path("category").asText(""), v.path("retryable").asBoolean(false),
          "all".equals(v.path("scope").asText()), v.path("description").asText("")));
    });
    return out;
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
    node.fields().forEachRemaining(e -> {
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
      node.get("properties").fields().forEachRemaining(p -> {
        if (p.getValue().path("x-zego-secret").asBoolean(false)) {
          secretNames.add(p.getKey());
        }
      });
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("example") && !e.getKey().equals("examples") && !e.getKey().startsWith("x-zego-")) {
        walk(e.getValue(), Pointers.child(at, e.getKey()));
      }
    });
  }

  /** Form checks of the extensions that sit on schemas, servers and security schemes. */
  private void schemaExtension(JsonNode holder, String at, String key, JsonNode value) {
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
          value.fields().forEachRemaining(c -> {
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
    paths.fields().forEachRemaining(p -> {
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
    root.path("components").path("callbacks").fields().forEachRemaining(c -> {
      String at = Pointers.child("/components/callbacks", c.getKey());
      c.getValue().fields().forEachRemaining(u -> {
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
    root.at(at).fields().forEachRemaining(x -> {
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
    while (root.at(current).has("$ref")) {
      String ref = root.at(current).get("$ref").asText();
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
