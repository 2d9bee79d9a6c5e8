package io.github.zegoaiagent.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.zegoaiagent.contract.ContractException;
import io.github.zegoaiagent.contract.ZegoContract;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Project rules for the OpenAPI contract that neither swagger-parser nor Spectral know about.
 *
 * <p>Load a spec with {@link #of(Path, Set)}, then call one check or {@link #all()}. Every check
 * returns human-readable violations, one finding per string, prefixed with the check name (for
 * example {@code [examples]}), so a failing test can print all of them at once. An empty list
 * means the check passed.
 *
 * <ul>
 *   <li>{@link #parsing()}: swagger-parser (resolve=true) reports no message.
 *   <li>{@link #operations()}: one {@code post} per {@code /<ActionName>} path, matching
 *       {@code x-zego-action}, unique actions and operationIds, tags, summary, description, and
 *       exactly the expected set of actions.
 *   <li>{@link #security()}: the five apiKey-in-query schemes, required together at the root.
 *   <li>{@link #examples()}: request and response examples exist and every example in
 *       {@code paths} (callbacks included) validates against its media type schema (OAS 3.0
 *       dialect of networknt json-schema-validator).
 *   <li>{@link #idFields()}: every {@code *Id} property (and {@code *Ids} item) reachable from a
 *       request body is a string with {@code maxLength} and {@code pattern}, or an enum.
 *   <li>{@link #returnCodes()}: the root {@code x-zego-return-codes} map is well formed and every
 *       {@code x-zego-errors} code is in it.
 *   <li>{@link #servers()}: {@value #SERVER_COUNT} https servers without a trailing slash.
 *   <li>{@link #tolerance()}: the root {@code x-zego-tolerance} states its four rules, and every
 *       {@code x-zego-legacy} sits on a string enum with entries {@code {value, note}} whose value
 *       the enum does not already list (ADR 0004).
 *   <li>{@link #extensions()}: every {@code x-zego-*} extension has its documented form, as the
 *       typed model {@link ZegoContract} reads it (unknown extension names included).
 * </ul>
 *
 * <p>All checks except {@link #parsing()}, {@link #tolerance()} and {@link #extensions()} read the raw YAML tree rather than the swagger-parser
 * model: they see the document exactly as written (extensions included) and still run when
 * swagger-parser rejects it. Only document-internal {@code $ref}s ({@code #/...}) are followed;
 * the contract is a single file.
 */
public final class ContractChecks {

  /** The 19 actions of the service (API version 2.13.5); the real contract must list exactly these. */
  public static final Set<String> ZEGO_ACTIONS = Set.of(
      "RegisterAgent", "UnregisterAgent", "UpdateAgent", "ListAgents", "QueryAgents",
      "CreateAgentInstance", "CreateDigitalHumanAgentInstance", "CreateLiveDigitalHumanAgentInstance",
      "UpdateAgentInstance", "DeleteAgentInstance", "SendAgentInstanceLLM", "SendAgentInstanceTTS",
      "QueryAgentInstanceStatus", "InterruptAgentInstance", "GetAgentInstanceMsgList",
      "ResetAgentInstanceMsgList", "AddAgentInstanceMsg", "StartListening", "StopListening");

  /** The signed common query parameters; every request needs all of them. */
  public static final List<String> SECURITY_SCHEMES =
      List.of("AppId", "SignatureNonce", "Timestamp", "Signature", "SignatureVersion");

  /** Regional access points plus the unified domain. */
  public static final int SERVER_COUNT = 7;

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String JSON = "application/json";
  private static final Pattern ACTION_PATH = Pattern.compile("/[A-Z][A-Za-z0-9]*");
  private static final Pattern CODE = Pattern.compile("0|[1-9][0-9]*");
  private static final Map<String, Pattern> LAYER_CODES = Map.of(
      "success", Pattern.compile("0"),
      "gateway", Pattern.compile("100000[0-9]{3}"),
      "business", Pattern.compile("4100[0-9]{5}"));

  /** A node of the document together with its JSON pointer (used in messages and as identity). */
  private record Located(String pointer, JsonNode node) {
    Located child(String key) {
      return new Located(pointer + "/" + key.replace("~", "~0").replace("/", "~1"), node.path(key));
    }

    Located child(int index) {
      return new Located(pointer + "/" + index, node.path(index));
    }

    boolean missing() {
      return node.isMissingNode() || node.isNull();
    }
  }

  /** An operation; {@code label} names it in messages, e.g. "POST /ListAgents". */
  private record Operation(Located at, String label) {}

  /** OAS 3.0 schema dialect: draft-4 semantics (boolean exclusiveMinimum), OAS keywords such as nullable. */
  private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder()
      .nullableKeywordEnabled(true) // nullable: true admits null
      .pathType(PathType.JSON_PATH) // messages name the failing value as $.A.B[0]
      .locale(Locale.ROOT) // English messages whatever the machine's locale
      .build();

  private final Path spec;
  private final Set<String> expectedActions;
  private final JsonNode root;
  private final String loadError;
  private final Map<String, JsonSchema> schemaCache = new HashMap<>();

  private ContractChecks(Path spec, Set<String> expectedActions) {
    this.spec = spec;
    this.expectedActions = expectedActions;
    JsonNode tree = null;
    String error = null;
    try {
      // Duplicate keys would silently overwrite each other (a return code listed twice, say).
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      tree = yaml.readTree(Files.readString(spec));
      if (tree == null || !tree.isObject()) {
        error = "[load] " + spec + " is not a YAML mapping";
      }
    } catch (Exception e) {
      error = "[load] cannot read " + spec + ": "
          + (e instanceof NoSuchFileException ? "no such file" : oneLine(e.getMessage()));
    }
    this.root = error == null ? tree : MissingNode.getInstance();
    this.loadError = error;
  }

  /**
   * Loads the spec at {@code spec}; never throws (an unreadable file becomes a violation).
   *
   * @param expectedActions the exact set of {@code x-zego-action}s the spec must define;
   *     {@link #ZEGO_ACTIONS} for the real contract
   */
  public static ContractChecks of(Path spec, Set<String> expectedActions) {
    return new ContractChecks(spec, expectedActions);
  }

  /** Every check, in order; duplicates (such as the load error) are reported once. */
  public List<String> all() {
    Set<String> all = new LinkedHashSet<>();
    all.addAll(parsing());
    all.addAll(operations());
    all.addAll(security());
    all.addAll(examples());
    all.addAll(idFields());
    all.addAll(returnCodes());
    all.addAll(servers());
    all.addAll(tolerance());
    all.addAll(extensions());
    return List.copyOf(all);
  }

  /** (a) swagger-parser reads and validates the spec, resolving all references, without a message. */
  public List<String> parsing() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().toString(), null, options);
    List<String> out = new ArrayList<>();
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> out.add("[parse] " + oneLine(m)));
    }
    if (result.getOpenAPI() == null && out.isEmpty()) {
      out.add("[parse] swagger-parser could not read " + spec);
    }
    return out;
  }

  /** (b) Virtual action paths, one {@code post} each, with action, ids, tags and texts. */
  public List<String> operations() {
    if (loadError != null) {
      return List.of(loadError);
    }
    List<String> out = new ArrayList<>();
    Located paths = new Located("", root).child("paths");
    Set<String> actions = new TreeSet<>();
    Set<String> operationIds = new HashSet<>();
    int count = 0;
    for (Iterator<String> it = paths.node().fieldNames(); it.hasNext(); ) {
      String path = it.next();
      Located item = deref(paths.child(path));
      if (!ACTION_PATH.matcher(path).matches()) {
        out.add("[operations] path " + path + " is not /<ActionName>");
      }
      List<String> methods = METHODS.stream().filter(item.node()::has).toList();
      if (!methods.equals(List.of("post"))) {
        out.add("[operations] path " + path + " must have exactly one operation, post; it has " + methods);
      }
      count += methods.size();
      for (String method : methods) {
        JsonNode op = item.node().get(method);
        String label = method.toUpperCase(Locale.ROOT) + " " + path;
        String action = op.path("x-zego-action").asText(null);
        if (action == null) {
          out.add("[operations] " + label + " has no x-zego-action");
        } else {
          if (!path.equals("/" + action)) {
            out.add("[operations] " + label + " has x-zego-action " + action + "; expected " + path.substring(1));
          }
          if (!actions.add(action)) {
            out.add("[operations] " + label + " repeats x-zego-action " + action);
          }
        }
        String operationId = op.path("operationId").asText("");
        if (operationId.isBlank()) {
          out.add("[operations] " + label + " has no operationId");
        } else if (!operationIds.add(operationId)) {
          out.add("[operations] " + label + " repeats operationId " + operationId);
        }
        if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
          out.add("[operations] " + label + " has no tag");
        }
        for (String text : List.of("summary", "description")) {
          if (op.path(text).asText("").isBlank()) {
            out.add("[operations] " + label + " has no " + text);
          }
        }
      }
    }
    if (count != expectedActions.size()) {
      out.add("[operations] expected " + expectedActions.size() + " operations, found " + count);
    }
    Set<String> missing = new TreeSet<>(expectedActions);
    missing.removeAll(actions);
    Set<String> unexpected = new TreeSet<>(actions);
    unexpected.removeAll(expectedActions);
    if (!missing.isEmpty()) {
      out.add("[operations] missing actions " + missing);
    }
    if (!unexpected.isEmpty()) {
      out.add("[operations] unexpected actions " + unexpected);
    }
    return out;
  }

  /** (c) The five apiKey-in-query schemes, required together by one root requirement. */
  public List<String> security() {
    if (loadError != null) {
      return List.of(loadError);
    }
    List<String> out = new ArrayList<>();
    Located schemes = new Located("", root).child("components").child("securitySchemes");
    for (String name : SECURITY_SCHEMES) {
      Located scheme = deref(schemes.child(name));
      if (scheme.missing()) {
        out.add("[security] components.securitySchemes." + name + " is missing");
        continue;
      }
      String type = scheme.node().path("type").asText();
      String in = scheme.node().path("in").asText();
      String param = scheme.node().path("name").asText();
      if (!type.equals("apiKey") || !in.equals("query") || !param.equals(name)) {
        out.add("[security] components.securitySchemes." + name + " must be {type: apiKey, in: query, name: "
            + name + "}; it is " + scheme.node());
      }
    }
    // One requirement object naming all five means "all required together"; several objects would mean "any one".
    JsonNode security = root.path("security");
    Set<String> named = new TreeSet<>();
    if (security.isArray() && security.size() == 1) {
      security.get(0).fieldNames().forEachRemaining(named::add);
    }
    if (!named.equals(new TreeSet<>(SECURITY_SCHEMES))) {
      out.add("[security] root security must be one requirement object naming exactly " + SECURITY_SCHEMES
          + "; it is " + (security.isMissingNode() ? "missing" : security.toString()));
    }
    // Callbacks are exempt: the service calls the App there and signs differently (security: []).
    for (Operation op : pathOperations()) {
      if (op.at().node().has("security")) {
        out.add("[security] " + op.label() + " overrides the root security");
      }
    }
    return out;
  }

  /**
   * (d) Each operation has a JSON request and 200 response example, and every example under
   * {@code paths} (request bodies and responses, callbacks included) validates against its schema.
   */
  public List<String> examples() {
    if (loadError != null) {
      return List.of(loadError);
    }
    List<String> out = new ArrayList<>();
    Set<String> callbacksSeen = new HashSet<>();
    for (Operation op : pathOperations()) {
      Located request = deref(deref(op.at().child("requestBody")).child("content").child(JSON));
      if (!hasExample(request)) {
        out.add("[examples] " + op.label() + " has no " + JSON + " request example");
      }
      Located ok = deref(deref(op.at().child("responses").child("200")).child("content").child(JSON));
      if (!hasExample(ok)) {
        out.add("[examples] " + op.label() + " has no " + JSON + " example for response 200");
      }
      validateOperationExamples(op.label(), op.at(), out);
      Located callbacks = op.at().child("callbacks");
      for (Iterator<String> names = callbacks.node().fieldNames(); names.hasNext(); ) {
        String name = names.next();
        Located callback = deref(callbacks.child(name));
        if (!callbacksSeen.add(callback.pointer())) {
          continue; // a shared callback ($ref) is reported once, under the first operation using it
        }
        for (Operation event : operations(callback, op.label() + " callback " + name + " ")) {
          validateOperationExamples(event.label(), event.at(), out);
        }
      }
    }
    return out;
  }

  /** (e) {@code *Id} properties and {@code *Ids} items reachable from request bodies are bounded strings. */
  public List<String> idFields() {
    if (loadError != null) {
      return List.of(loadError);
    }
    Set<String> out = new LinkedHashSet<>();
    Set<String> visited = new HashSet<>();
    for (Operation op : pathOperations()) {
      Located content = deref(op.at().child("requestBody")).child("content");
      for (Iterator<String> types = content.node().fieldNames(); types.hasNext(); ) {
        walkIds(content.child(types.next()).child("schema"), op.label() + " request $", visited, out);
      }
    }
    return List.copyOf(out);
  }

  /**
   * (f) {@code x-zego-return-codes} entries are well formed and {@code x-zego-errors} codes exist
   * (the forms as the typed model {@link ZegoContract} reads them), each code sits in its layer's
   * range and no two codes share a name.
   */
  public List<String> returnCodes() {
    if (loadError != null) {
      return List.of(loadError);
    }
    List<String> out = new ArrayList<>();
    modelProblems().stream()
        .filter(p -> p.contains("/x-zego-return-codes") || p.contains("/x-zego-errors"))
        .forEach(p -> out.add("[return-codes] " + p));
    Set<String> names = new HashSet<>();
    root.path("x-zego-return-codes").properties().forEach(entry -> {
      String code = entry.getKey();
      String where = "[return-codes] code " + code;
      String name = entry.getValue().path("name").asText("");
      if (!name.isEmpty() && !names.add(name)) {
        out.add(where + ": name " + name + " is used by another code");
      }
      String layer = entry.getValue().path("layer").asText("");
      String rangeLayer = LAYER_CODES.entrySet().stream()
          .filter(e -> e.getValue().matcher(code).matches()).map(Map.Entry::getKey).findFirst().orElse(null);
      if (!CODE.matcher(code).matches() || !LAYER_CODES.containsKey(layer)) {
        return; // the model reports the key or the layer
      }
      if (rangeLayer == null) {
        out.add(where + ": code is outside the layer ranges (0 success, 100000xxx gateway, 4100xxxxx business)");
      } else if (!rangeLayer.equals(layer)) {
        out.add(where + ": layer is '" + layer + "' but the code is in the " + rangeLayer + " range");
      }
    });
    return out;
  }

  /**
   * (h) The tolerant face (ADR 0004): {@code x-zego-tolerance} states its rules, and every
   * {@code x-zego-legacy} is a list of {@code {value, note}} on a string enum that does not already
   * list the value (the client template turns each into a deprecated constant). The typed model
   * ({@link ZegoContract}) checks both forms; this reports its findings about them.
   */
  public List<String> tolerance() {
    if (loadError != null) {
      return List.of(loadError);
    }
    return modelProblems().stream()
        .filter(p -> p.contains("/x-zego-tolerance") || p.contains("/x-zego-legacy"))
        .map(p -> "[tolerance] " + p).toList();
  }

  /**
   * (i) Every {@code x-zego-*} extension has its documented form and no unknown one is used: what
   * the typed model ({@link ZegoContract}) reports when it reads the document.
   */
  public List<String> extensions() {
    if (loadError != null) {
      return List.of(loadError);
    }
    return modelProblems().stream().map(p -> "[extensions] " + p).toList();
  }

  private List<String> modelProblems() {
    try {
      ZegoContract.parse(spec);
      return List.of();
    } catch (ContractException e) {
      return e.problems();
    }
  }

  /** (g) Exactly {@value #SERVER_COUNT} servers, all https, none ending in a slash. */
  public List<String> servers() {
    if (loadError != null) {
      return List.of(loadError);
    }
    List<String> out = new ArrayList<>();
    JsonNode servers = root.path("servers");
    if (servers.size() != SERVER_COUNT) {
      out.add("[servers] expected " + SERVER_COUNT + " servers, found " + servers.size());
    }
    for (JsonNode server : servers) {
      String url = server.path("url").asText("");
      if (!url.startsWith("https://")) {
        out.add("[servers] " + url + " is not https");
      }
      if (url.endsWith("/")) {
        out.add("[servers] " + url + " ends with a slash");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private List<Operation> pathOperations() {
    return operations(deref(new Located("", root).child("paths")), "");
  }

  /** Operations of a paths-like map (the paths object, or one callback). */
  private List<Operation> operations(Located paths, String labelPrefix) {
    List<Operation> ops = new ArrayList<>();
    paths.node().fieldNames().forEachRemaining(path -> {
      Located item = deref(paths.child(path));
      for (String method : METHODS) {
        if (item.node().has(method)) {
          ops.add(new Operation(item.child(method), labelPrefix + method.toUpperCase(Locale.ROOT) + " " + path));
        }
      }
    });
    return ops;
  }

  /** Joins a multi-line message (YAML errors carry a source excerpt and a caret line) into one line. */
  private static String oneLine(String message) {
    return String.join(" ", String.valueOf(message).lines()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.equals("^")).toList());
  }

  /** Follows internal {@code $ref}s; an unresolvable one yields a missing node. */
  private Located deref(Located at) {
    Located current = at;
    Set<String> seen = new HashSet<>();
    while (current.node().has("$ref")) {
      String ref = current.node().get("$ref").asText();
      if (!ref.startsWith("#") || !seen.add(ref)) {
        return new Located(ref, MissingNode.getInstance());
      }
      current = new Located(ref.substring(1), root.at(ref.substring(1)));
    }
    return current;
  }

  private boolean hasExample(Located mediaType) {
    if (mediaType.node().has("example")) {
      return true;
    }
    Located examples = mediaType.child("examples");
    for (Iterator<String> names = examples.node().fieldNames(); names.hasNext(); ) {
      if (deref(examples.child(names.next())).node().has("value")) {
        return true;
      }
    }
    return false;
  }

  /** Validates the examples of every media type in the request body and all responses of {@code op}. */
  private void validateOperationExamples(String label, Located op, List<String> out) {
    Map<String, Located> contents = new LinkedHashMap<>();
    contents.put("request", deref(op.child("requestBody")).child("content"));
    Located responses = op.child("responses");
    responses.node().fieldNames().forEachRemaining(
        code -> contents.put("response " + code, deref(responses.child(code)).child("content")));
    contents.forEach((part, content) -> {
      for (Iterator<String> types = content.node().fieldNames(); types.hasNext(); ) {
        String type = types.next();
        validateExamples("[examples] " + label + " " + part + " " + type, deref(content.child(type)), out);
      }
    });
  }

  private void validateExamples(String where, Located media, List<String> out) {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    if (media.node().has("example")) {
      examples.put("example", media.node().get("example"));
    }
    Located named = media.child("examples");
    for (Iterator<String> names = named.node().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Located example = deref(named.child(name));
      if (example.node().has("value")) {
        examples.put(name, example.node().get("value"));
      } else if (!example.node().has("externalValue")) {
        out.add(where + " example '" + name + "' has no value");
      }
    }
    if (examples.isEmpty()) {
      return;
    }
    if (!media.node().has("schema")) {
      out.add(where + " has examples but no schema");
      return;
    }
    examples.forEach((name, value) -> {
      try {
        for (ValidationMessage message : schemaFor(media.child("schema")).validate(value)) {
          out.add(where + " example '" + name + "': " + message.getMessage());
        }
      } catch (RuntimeException e) { // e.g. an unresolvable $ref; parsing() reports the cause
        out.add(where + " example '" + name + "' cannot be validated: " + e);
      }
    });
  }

  /**
   * Compiles a media type schema with the OAS 3.0 dialect. The schema is wrapped in a document
   * that also carries the spec's {@code components}, so internal {@code #/components/...} refs
   * resolve against the wrapper exactly as they would against the spec.
   */
  private JsonSchema schemaFor(Located schema) {
    return schemaCache.computeIfAbsent(schema.pointer(), pointer -> {
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.putArray("allOf").add(schema.node());
      wrapper.set("components", root.path("components"));
      // A fresh id per schema: pointers may hold characters that are not legal in a URI.
      SchemaLocation id = SchemaLocation.of("urn:contract:schema:" + schemaCache.size());
      return SCHEMA_FACTORY.getSchema(id, wrapper, SCHEMA_CONFIG);
    });
  }

  /** Walks a schema's refs, combinators, properties and items, checking ID-named properties once. */
  private void walkIds(Located at, String path, Set<String> visited, Set<String> out) {
    Located schema = deref(at);
    if (schema.missing() || !visited.add(schema.pointer())) {
      return;
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (int i = 0; i < schema.node().path(combinator).size(); i++) {
        walkIds(schema.child(combinator).child(i), path, visited, out);
      }
    }
    Located properties = schema.child("properties");
    properties.node().fieldNames().forEachRemaining(name -> {
      Located property = properties.child(name);
      String propertyPath = path + "." + name;
      if (name.endsWith("Ids")) {
        Located items = keyword(property, "items");
        if (items.missing()) {
          out.add("[ids] " + propertyPath + " (#" + property.pointer() + ")"
              + ": an *Ids property must be an array with items");
        } else {
          checkId(items, propertyPath + "[*]", out);
        }
      } else if (name.endsWith("Id")) {
        checkId(property, propertyPath, out);
      }
      walkIds(property, propertyPath, visited, out);
    });
    walkIds(schema.child("items"), path + "[*]", visited, out);
    if (schema.node().path("additionalProperties").isObject()) {
      walkIds(schema.child("additionalProperties"), path + ".*", visited, out);
    }
  }

  private void checkId(Located at, String path, Set<String> out) {
    if (!keyword(at, "enum").missing()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (!keyword(at, "type").node().asText().equals("string")) {
      missing.add("type string");
    }
    for (String name : List.of("maxLength", "pattern")) {
      if (keyword(at, name).missing()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      Located target = deref(at);
      String location = "#" + at.pointer()
          + (target.pointer().equals(at.pointer()) ? "" : " -> #" + target.pointer());
      out.add("[ids] " + path + " (" + location + "): an ID must be a string with maxLength and pattern"
          + " (or an enum); missing " + missing);
    }
  }

  /** A keyword of a schema or, for the "described $ref" idiom, of one of its allOf members. */
  private Located keyword(Located at, String keyword) {
    Located schema = deref(at);
    if (schema.node().has(keyword)) {
      return schema.child(keyword);
    }
    for (int i = 0; i < schema.node().path("allOf").size(); i++) {
      Located found = keyword(schema.child("allOf").child(i), keyword);
      if (!found.missing()) {
        return found;
      }
    }
    return new Located(schema.pointer() + "/" + keyword, MissingNode.getInstance());
  }
}
