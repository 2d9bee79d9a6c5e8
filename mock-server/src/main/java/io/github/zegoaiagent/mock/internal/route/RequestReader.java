package io.github.zegoaiagent.mock.internal.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.decode.BodyDecoder;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.validate.RequestSchemas;
import io.github.zegoaiagent.mock.internal.validate.TolerantReader;
import java.util.List;

/**
 * A request body from bytes to the generated request model: decode (JSON), the contract's
 * tolerant face first (optional nulls and unknown fields read as absent and noted, ADR 0004),
 * then the operation's schema, then the model. Linear in the body; no shared lock.
 */
public final class RequestReader {
  private final BodyDecoder decoder;
  private final RequestSchemas schemas;
  private final ObjectMapper mapper;

  /**
   * What was read.
   *
   * @param body the schema-valid body as the service reads it
   * @param model the generated request model
   * @param unknownFields properties the contract does not know
   * @param legacy legacy values and deprecated properties used
   */
  public record Read(JsonNode body, Object model, List<String> unknownFields, List<String> legacy) {
  }

  /**
   * @param mapper JSON mapper (unknown properties ignored, trailing tokens refused)
   * @param schemas the contract's request schemas
   */
  public RequestReader(ObjectMapper mapper, RequestSchemas schemas) {
    this.decoder = new BodyDecoder(mapper);
    this.schemas = schemas;
    this.mapper = mapper;
  }

  /**
   * @param body raw bytes
   * @return the parsed body
   * @throws ApiError 410000004 (not JSON)
   */
  JsonNode decode(byte[] body) {
    return decoder.decode(body);
  }

  /**
   * @param action wire action name
   * @param body the parsed body
   * @return the body as the service reads it, with what the tolerant face noticed
   */
  TolerantReader.Inspected inspect(String action, JsonNode body) {
    return schemas.inspect(action, body);
  }

  /**
   * @param action wire action name
   * @param inspected what {@link #inspect} returned
   * @param type the action's generated request type
   * @return the body and model
   * @throws ApiError 410000003 (schema)
   */
  Read read(String action, TolerantReader.Inspected inspected, Class<?> type) {
    JsonNode b = inspected.body();
    schemas.validate(action, b);
    return new Read(b, toModel(b, type), inspected.unknownFields(), inspected.legacy());
  }

  private Object toModel(JsonNode body, Class<?> type) {
    try {
      return mapper.treeToValue(body, type);
    } catch (Exception e) {
      // Schema-valid but not mappable should not happen; answer it as a parameter problem.
      throw new ApiError(Codes.INVALID_PARAMETER, "body: cannot be read as " + type.getSimpleName());
    }
  }
}
