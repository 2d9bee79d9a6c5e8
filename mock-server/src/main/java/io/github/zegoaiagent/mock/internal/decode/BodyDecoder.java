package io.github.zegoaiagent.mock.internal.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import java.io.IOException;

/**
 * Parses the request body. Anything that is not exactly one JSON value answers 410000004; the
 * schema check (which wants an object) comes after.
 */
public final class BodyDecoder {
  private final ObjectMapper mapper;

  /** @param mapper mapper configured to fail on trailing tokens */
  public BodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @param body raw bytes
   * @return the parsed JSON
   * @throws ApiError 410000004 when the body is empty or not valid JSON
   */
  public JsonNode decode(byte[] body) {
    if (body == null || body.length == 0) {
      throw new ApiError(Codes.JSON_PARSE_FAILED,
          "JSON parse failed: the body is empty; every action needs a JSON object body");
    }
    try {
      JsonNode n = mapper.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new ApiError(Codes.JSON_PARSE_FAILED, "JSON parse failed: the body holds no JSON value");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new ApiError(Codes.JSON_PARSE_FAILED, "JSON parse failed: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw new ApiError(Codes.JSON_PARSE_FAILED, "JSON parse failed: " + e.getClass().getSimpleName());
    }
  }
}
