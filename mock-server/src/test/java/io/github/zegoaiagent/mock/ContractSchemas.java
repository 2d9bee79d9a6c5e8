package io.github.zegoaiagent.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds what the mock produces to the contract: an answer to its operation's 200 response schema
 * (an error answer to {@code ResponseEnvelope}, without Data), a callback body to the
 * {@code AgentInstanceEvents} callback's request schema ({@code CallbackEvent}).
 *
 * <p>Two checks: the schema itself (networknt, OpenAPI 3.0 dialect, as the mock validates
 * requests: types, enums with their {@code x-zego-legacy} values, patterns, required
 * properties), and no property the schema does not
 * describe (following {@code $ref}, {@code allOf} and the {@code oneOf} discriminator; maps
 * declared with {@code additionalProperties} are free). The contract's schemas do not forbid
 * extra properties, because readers must tolerate them; the mock, the contract's own simulator,
 * should not invent any.
 */
public final class ContractSchemas {
  private static final JsonNode ROOT = Contract.load().root();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(JsonMetaSchema.builder(OpenApi30.getInstance())
          .unknownKeywordFactory((k, c) -> new NonValidationKeyword(k))
          .build()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .nullableKeywordEnabled(true).build();
  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
  /**
   * The components with each {@code x-zego-legacy} value added to its enum: the service stores
   * a legacy value it accepted and answers it back (QueryAgents), so the mock may too. Any other
   * value outside an enum is a mock bug (the contract's openEnums is for readers of the live
   * service, not for its simulator).
   */
  private static final JsonNode COMPONENTS = withLegacyValues(ROOT.path("components").deepCopy());

  private ContractSchemas() {
  }

  /** @return JSON pointer of the action's 200 response schema */
  static String responsePointer(String action) {
    ActionHandler.Action<CallContext> a = ActionHandler.<CallContext>table().get(action);
    if (a == null) {
      throw new IllegalArgumentException("no action " + action);
    }
    String op = a.requestPath().substring(0, a.requestPath().indexOf("/requestBody/"));
    return op + "/responses/200/content/application~1json/schema";
  }

  /** @return JSON pointer of the callback body schema ({@code AgentInstanceEvents}) */
  static String callbackPointer() {
    JsonNode cb = ROOT.path("components").path("callbacks").path("AgentInstanceEvents");
    String expression = cb.fieldNames().next();
    return "/components/callbacks/AgentInstanceEvents/" + expression.replace("~", "~0").replace("/", "~1")
        + "/post/requestBody/content/application~1json/schema";
  }

  /**
   * @param action wire action name
   * @param answer the whole answer (envelope)
   * @return the ways it breaks the contract; empty when it conforms
   */
  public static List<String> answerViolations(String action, JsonNode answer) {
    if (answer.path("Code").asLong(-1) != 0) {
      List<String> out = violations("/components/schemas/ResponseEnvelope", answer);
      if (answer.has("Data") && !answer.get("Data").isNull()) {
        out.add("Data: present on an error answer");
      }
      return out;
    }
    return violations(responsePointer(action), answer);
  }

  /**
   * @param event a delivered callback body (signed)
   * @return the ways it breaks the contract; empty when it conforms
   */
  public static List<String> callbackViolations(JsonNode event) {
    return violations(callbackPointer(), event);
  }

  /**
   * @param pointer JSON pointer of a schema in the contract
   * @param value a JSON value
   * @return schema violations, then properties the schema does not describe
   */
  static List<String> violations(String pointer, JsonNode value) {
    JsonNode schema = ROOT.at(pointer);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no schema at " + pointer);
    }
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : compiled(pointer).validate(value)) {
      out.add(m.getMessage());
    }
    undescribed(schema, value, "", out);
    return out;
  }

  private static JsonSchema compiled(String pointer) {
    return COMPILED.computeIfAbsent(pointer, p -> {
      ObjectNode document = JsonNodeFactory.instance.objectNode();
      document.putArray("allOf").add(ROOT.at(p));
      document.set("components", COMPONENTS);
      JsonSchema s = FACTORY.getSchema(SchemaLocation.of("urn:zego-aiagent:produced:" + p), document, CONFIG);
      s.initializeValidators();
      return s;
    });
  }

  private static JsonNode withLegacyValues(JsonNode node) {
    if (node.isObject() && node.has("x-zego-legacy") && node.path("enum").isArray()) {
      ArrayNode values = (ArrayNode) node.get("enum");
      node.get("x-zego-legacy").forEach(l -> values.add(l.get("value")));
    }
    node.forEach(ContractSchemas::withLegacyValues);
    return node;
  }

  private static JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      schema = ROOT.at(schema.get("$ref").asText().substring(1));
    }
    return schema;
  }

  /** Adds the paths of properties of {@code value} that {@code schema} does not describe. */
  private static void undescribed(JsonNode schema, JsonNode value, String path, List<String> out) {
    schema = resolve(schema);
    if (value.isArray()) {
      JsonNode items = schema.path("items");
      for (int i = 0; i < value.size() && !items.isMissingNode(); i++) {
        undescribed(items, value.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    JsonNode discriminator = schema.path("discriminator");
    if (schema.has("oneOf") && discriminator.has("propertyName")) {
      String tag = value.path(discriminator.get("propertyName").asText()).asText();
      JsonNode target = discriminator.path("mapping").path(tag);
      if (target.isMissingNode()) {
        out.add(path + discriminator.get("propertyName").asText() + ": " + tag + " is not in the discriminator mapping");
      } else {
        undescribed(ROOT.at(target.asText().substring(1)), value, path, out);
      }
      return;
    }
    Map<String, JsonNode> props = new java.util.LinkedHashMap<>();
    Set<String> open = new HashSet<>();
    collect(schema, props, open);
    Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode p = props.get(f.getKey());
      if (p != null) {
        undescribed(p, f.getValue(), path + f.getKey() + ".", out);
      } else if (open.isEmpty()) {
        out.add(path + f.getKey() + ": not described by the contract");
      }
    }
  }

  /** Properties of a schema and its allOf parts; {@code open} gets a mark when any part is a free map. */
  private static void collect(JsonNode schema, Map<String, JsonNode> props, Set<String> open) {
    schema = resolve(schema);
    schema.path("properties").properties().forEach(e -> props.putIfAbsent(e.getKey(), e.getValue()));
    JsonNode ap = schema.path("additionalProperties");
    if (ap.isObject() || ap.asBoolean(false)) {
      open.add("additionalProperties");
    }
    if (schema.path("type").asText().equals("object") && !schema.has("properties") && !schema.has("allOf")) {
      open.add("free object");
    }
    for (JsonNode part : schema.path("allOf")) {
      collect(part, props, open);
    }
  }
}
