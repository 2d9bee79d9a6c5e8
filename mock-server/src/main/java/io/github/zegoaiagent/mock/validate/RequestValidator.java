package io.github.zegoaiagent.mock.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.zegoaiagent.mock.error.ApiError;
import io.github.zegoaiagent.mock.error.Codes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a request body against its operation's request schema in the packaged contract.
 *
 * <p>Schemas are built once, at construction (OpenAPI 3.0 dialect, internal {@code $ref}s
 * resolved by the validator). A violation becomes {@link Codes#INVALID_PARAMETER} with a message
 * such as {@code RTC.AgentUserId: length 33 exceeds maxLength 32}; the limit comes from the
 * spec, never from this class.
 */
public final class RequestValidator {
  /** At most this many violations are named in one Message. */
  private static final int MAX_REPORTED = 3;

  private final Map<String, JsonSchema> schemas = new HashMap<>();

  /**
   * @param requestPaths action name to JSON pointer of its request schema in the spec
   */
  public RequestValidator(Map<String, String> requestPaths) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .nullableKeywordEnabled(true)
        .build();
    for (Map.Entry<String, String> e : requestPaths.entrySet()) {
      JsonSchema schema = factory.getSchema(
          SchemaLocation.of("classpath:" + Contract.RESOURCE + "#" + e.getValue()), config);
      schema.initializeValidators(); // resolve every $ref now, not on the first request
      schemas.put(e.getKey(), schema);
    }
  }

  /**
   * @param action wire action name
   * @param body the parsed body
   * @throws ApiError 410000003 naming the field and the limit when the body violates the schema
   */
  public void validate(String action, JsonNode body) {
    JsonSchema schema = schemas.get(action);
    if (schema == null) {
      throw new IllegalStateException("no schema for " + action);
    }
    Set<ValidationMessage> messages = schema.validate(body);
    if (messages.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    Iterator<ValidationMessage> it = messages.iterator();
    int shown = 0;
    while (it.hasNext() && shown < MAX_REPORTED) {
      if (shown > 0) {
        sb.append("; ");
      }
      sb.append(ViolationFormatter.format(it.next()));
      shown++;
    }
    if (messages.size() > shown) {
      sb.append(" (and ").append(messages.size() - shown).append(" more)");
    }
    throw new ApiError(Codes.INVALID_PARAMETER, sb.toString());
  }

  /** @return the actions this validator knows */
  public List<String> actions() {
    return List.copyOf(schemas.keySet());
  }
}
