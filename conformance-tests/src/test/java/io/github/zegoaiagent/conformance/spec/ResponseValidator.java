package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an answer against its action's response schema with networknt json-schema-validator
 * (OpenAPI 3.0 dialect: {@code nullable}, draft-4 exclusive bounds). Values listed under
 * {@code x-zego-legacy} count as enum members; any other unlisted enum value is reported, so a
 * contract that fell behind the service shows up here.
 */
public final class ResponseValidator {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .nullableKeywordEnabled(true)
      .pathType(PathType.JSON_PATH)
      .locale(Locale.ROOT)
      .build();

  private final Spec spec;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  /** @param spec the contract */
  public ResponseValidator(Spec spec) {
    this.spec = spec;
  }

  /**
   * @param action the action answered
   * @param answer the answer body
   * @return one line per schema violation; empty when the answer conforms
   */
  public List<String> validate(String action, JsonNode answer) {
    JsonSchema schema = schemas.computeIfAbsent(action, a -> {
      // The schema is wrapped with the spec's components so internal $refs resolve.
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.putArray("allOf").add(spec.responseSchema(a));
      // Legacy values are part of what the service may answer (x-zego-tolerance.legacyValues).
      wrapper.set("components", spec.componentsWithLegacyValues());
      return FACTORY.getSchema(SchemaLocation.of("urn:conformance:response:" + a), wrapper, CONFIG);
    });
    return schema.validate(answer).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
