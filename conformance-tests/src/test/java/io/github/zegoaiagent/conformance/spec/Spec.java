package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.Limits;
import io.github.zegoaiagent.contract.ZegoContract;
import java.util.List;
import java.util.Set;

/**
 * The contract as the suite reads it: the typed model ({@link ZegoContract}, from the
 * {@code zego-aiagent-openapi} jar) for every fact (actions, limits, return codes, extensions),
 * and one copy of the document for the raw schemas the case generator walks. Every number the
 * suite uses comes from here.
 */
public final class Spec {

  /** The contract of this build. */
  public static final Spec CONTRACT = new Spec(ZegoContract.load());

  private final ZegoContract model;
  private final JsonNode root;

  private Spec(ZegoContract model) {
    this.model = model;
    this.root = model.document();
  }

  /**
   * @param model a contract model (the real one, or a test fixture)
   * @return the suite's view of it
   */
  public static Spec of(ZegoContract model) {
    return new Spec(model);
  }

  /** @return the typed model */
  public ZegoContract model() {
    return model;
  }

  /** @return the whole document (a copy owned by this Spec: do not change it) */
  public JsonNode root() {
    return root;
  }

  /** @return every x-zego-action, in contract order */
  public List<String> actions() {
    return model.actions().stream().map(Action::name).toList();
  }

  /**
   * @param action an action
   * @return its operation object
   * @throws java.util.NoSuchElementException for an action the contract does not have
   */
  public JsonNode operation(String action) {
    Action a = model.action(action);
    return root.path("paths").path(a.path()).path(a.method().toLowerCase(java.util.Locale.ROOT));
  }

  /** @return the action's request body schema, resolved */
  public JsonNode requestSchema(String action) {
    return root.at(model.action(action).request().target());
  }

  /** @return the action's HTTP 200 answer schema, unresolved (may be a $ref) */
  public JsonNode responseSchema(String action) {
    return root.at(model.action(action).response().pointer());
  }

  /** @return the action's first request example */
  public ObjectNode requestExample(String action) {
    return (ObjectNode) model.action(action).firstRequestExample();
  }

  /** @return all request examples of the action */
  public List<ObjectNode> requestExamples(String action) {
    Action a = model.action(action);
    return a.requestExamples().keySet().stream().map(name -> (ObjectNode) a.requestExample(name)).toList();
  }

  /**
   * @param action an action
   * @param name an example name
   * @return that request example
   */
  public ObjectNode requestExample(String action, String name) {
    return (ObjectNode) model.action(action).requestExample(name);
  }

  /** @return true when the action works on a live digital-human instance */
  public boolean allowedOnLiveDigitalHuman(String action) {
    return model.action(action).liveDigitalHumanAllowed();
  }

  /** @return the actions marked {@code x-zego-read-only: true}: they create and change nothing */
  public Set<String> readOnlyActions() {
    return Set.copyOf(model.actions().stream().filter(Action::readOnly).map(Action::name).toList());
  }

  /**
   * The components with each {@code x-zego-legacy} value added to its {@code enum}: what the
   * service accepts and may answer ({@code x-zego-tolerance.legacyValues}, ADR 0004).
   *
   * @return a copy of {@code components}
   */
  public JsonNode componentsWithLegacyValues() {
    return model.documentWithLegacyValues().path("components");
  }

  /** @return the service-wide limits (x-zego-limits) */
  public Limits limits() {
    return model.limits();
  }

  /**
   * @param code a Code
   * @return its layer: success, gateway or business; empty for an undocumented code
   */
  public String layerOf(int code) {
    return model.returnCode(code).map(io.github.zegoaiagent.contract.ReturnCode::layer).orElse("");
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
   * Resolves a schema and folds its {@code allOf} members into it: their properties, required
   * names and keywords (the "described {@code $ref}" idiom {@code {allOf: [$ref], description}}
   * included), so a walker sees one schema.
   *
   * @param schema a schema node
   * @return the resolved schema itself when it has no allOf, else a merged copy without allOf
   */
  public JsonNode flatten(JsonNode schema) {
    JsonNode s = resolve(schema);
    if (!s.has("allOf")) {
      return s;
    }
    ObjectNode out = s.deepCopy();
    out.remove("allOf");
    for (JsonNode part : s.get("allOf")) {
      JsonNode p = flatten(part);
      p.properties().forEach(e -> {
        switch (e.getKey()) {
          case "properties" -> {
            ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            e.getValue().properties().forEach(q -> {
              if (!props.has(q.getKey())) {
                props.set(q.getKey(), q.getValue());
              }
            });
          }
          case "required" -> {
            ArrayNode required = out.has("required") ? (ArrayNode) out.get("required") : out.putArray("required");
            e.getValue().forEach(r -> {
              if (!required.toString().contains("\"" + r.asText() + "\"")) {
                required.add(r);
              }
            });
          }
          default -> {
            if (!out.has(e.getKey())) {
              out.set(e.getKey(), e.getValue());
            }
          }
        }
      });
    }
    return out;
  }

  /**
   * @param schemaName a component schema name
   * @param property a property of it
   * @param keyword a keyword such as maxLength
   * @return the keyword's value on the resolved property schema
   */
  public JsonNode keyword(String schemaName, String property, String keyword) {
    JsonNode prop = flatten(root.path("components").path("schemas").path(schemaName).path("properties").path(property));
    JsonNode value = prop.get(keyword);
    if (value == null) {
      throw new IllegalArgumentException(schemaName + "." + property + " has no " + keyword);
    }
    return value;
  }
}
