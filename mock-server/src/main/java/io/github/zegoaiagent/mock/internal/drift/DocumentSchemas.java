package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.internal.validate.OpenApiSchemas;
import io.github.zegoaiagent.mock.internal.validate.TolerantReader;
import io.github.zegoaiagent.mock.internal.validate.ViolationFormatter;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a document the service sends (an answer, a callback event) against a schema of the
 * contract's tolerant face: legacy values count as listed, optional {@code null}s as absent. Each
 * schema violation becomes a {@link Drift} of its kind, and each property the schema does not
 * describe an {@link DriftKind#EXTRA_FIELD} (found by the mock's own tolerance walk,
 * {@link TolerantReader}, since the contract's answer schemas leave {@code additionalProperties} open).
 * Schemas are compiled once per pointer, on first use. Thread-safe.
 */
final class DocumentSchemas {
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

  private final Contract contract;
  private final TolerantReader tolerance;
  private final JsonNode components;

  DocumentSchemas(Contract contract) {
    this.contract = contract;
    this.tolerance = new TolerantReader(contract);
    this.components = contract.tolerantRoot().path("components");
  }

  /**
   * @param pointer JSON pointer of the schema in the contract (may be a {@code $ref})
   * @param document what the service sent
   * @param action named in each drift
   * @return the differences, in document order
   */
  List<Drift> check(String pointer, JsonNode document, String action) {
    List<Drift> out = new ArrayList<>();
    // The tolerance walk: unknown properties reported (and dropped from the copy), optional nulls dropped.
    // The reader changes the tree it is given; the document stays as sent for the messages below.
    TolerantReader.Inspected seen = tolerance.inspect(contract.root().at(pointer), document.deepCopy());
    for (String unknown : seen.unknownFields()) {
      out.add(new Drift(DriftKind.EXTRA_FIELD, action, unknown, "not in the contract (" + jsonType(at(document, unknown)) + ")"));
    }
    JsonSchema schema = SCHEMAS.computeIfAbsent(pointer, this::compile);
    JsonNode wrapper = DOCUMENTS.get(pointer);
    for (ValidationMessage m : schema.validate(seen.body())) {
      out.add(classify(m, wrapper, action));
    }
    return out;
  }

  /**
   * Only the envelope of a document whose body the contract does not describe (an unknown Action's
   * answer, an unknown event): what else it holds is not an extra field.
   */
  List<Drift> checkEnvelope(String pointer, JsonNode document, String action) {
    List<Drift> out = new ArrayList<>(check(pointer, document, action));
    out.removeIf(d -> d.kind() == DriftKind.EXTRA_FIELD);
    return out;
  }

  private JsonSchema compile(String pointer) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.putArray("allOf").add(contract.root().at(pointer));
    document.set("components", components);
    DOCUMENTS.put(pointer, document);
    JsonSchema schema = OpenApiSchemas.FACTORY.getSchema(
        SchemaLocation.of("urn:zego-aiagent:drift:" + Integer.toHexString(pointer.hashCode())), document,
        OpenApiSchemas.CONFIG);
    schema.initializeValidators();
    return schema;
  }

  private static Drift classify(ValidationMessage m, JsonNode document, String action) {
    String where = ViolationFormatter.fieldName(m.getInstanceLocation());
    String detail = ViolationFormatter.format(m);
    String type = m.getType();
    DriftKind kind;
    switch (type) {
      case "required" -> {
        kind = DriftKind.MISSING_FIELD;
        where = where.equals("body") ? m.getProperty() : where + "." + m.getProperty();
      }
      case "type" -> kind = DriftKind.WRONG_TYPE;
      case "enum" -> kind = DriftKind.UNLISTED_ENUM_VALUE;
      case "additionalProperties" -> kind = DriftKind.EXTRA_FIELD;
      default -> kind = assumed(m, document, type) ? DriftKind.ASSUMED_CONSTRAINT_VIOLATED : DriftKind.CONSTRAINT_VIOLATED;
    }
    return new Drift(kind, action, where, detail);
  }

  /** @return whether the violated keyword is listed in its schema's {@code x-zego-assumed} */
  private static boolean assumed(ValidationMessage m, JsonNode document, String keyword) {
    SchemaLocation location = m.getSchemaLocation();
    if (location == null || location.getFragment() == null) {
      return false;
    }
    var fragment = location.getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount() - 1; i++) { // the schema holding the keyword
      pointer.append('/').append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    for (JsonNode k : document.at(pointer.toString()).path("x-zego-assumed")) {
      if (k.asText().equals(keyword)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param mapper reads JSON
   * @param bytes what the service sent
   * @param action named in the drift
   * @param drift receives {@link DriftKind#NOT_AN_ENVELOPE} when the bytes are no JSON object
   * @return the object, or null
   */
  static JsonNode object(com.fasterxml.jackson.databind.ObjectMapper mapper, byte[] bytes, String action,
      List<Drift> drift) {
    JsonNode n;
    try {
      n = mapper.readTree(bytes);
    } catch (Exception e) {
      n = null;
    }
    if (n == null || !n.isObject()) {
      drift.add(new Drift(DriftKind.NOT_AN_ENVELOPE, action, "body", (n == null ? "not JSON" : "JSON " + jsonType(n)
          + ", not an object") + " (" + bytes.length + " bytes)"));
      return null;
    }
    return n;
  }

  /** @param document a document @param path e.g. {@code Data.Agents[0].Foo} @return the node there */
  static JsonNode at(JsonNode document, String path) {
    JsonNode n = document;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      n = n.path(name);
      while (bracket >= 0) {
        int end = part.indexOf(']', bracket);
        n = n.path(Integer.parseInt(part.substring(bracket + 1, end)));
        bracket = part.indexOf('[', end);
      }
    }
    return n;
  }

  static String jsonType(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "absent";
    }
    return switch (n.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
