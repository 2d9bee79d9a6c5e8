package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The root {@code x-zego-custom-llm} (reference §6.11): the exchange the service has with a
 * user's own LLM endpoint ({@code LLM.Url}): the request it sends, the stream it reads back, and
 * the Exception code (one of an {@code x-zego-exception-codes} map) each failure raises.
 *
 * @param vendor the only {@code LLM.Vendor} the exchange is documented for
 * @param method HTTP method, upper case
 * @param headers header values; {@code {LLM.ApiKey}} stands for the configured credential
 * @param request JSON schema of the request body (read-only tree)
 * @param dataPrefix the SSE field that carries a chunk, with its colon ({@code data:})
 * @param doneMarker the data value that ends the stream
 * @param finishReason the {@code finish_reason} of the last content chunk
 * @param generalFailure Exception code of a failure with no more specific code
 * @param invalidConfiguration Exception code of an unusable LLM configuration, or null
 * @param failureByHttpStatus Exception code by HTTP status the endpoint answered
 */
public record CustomLlm(String vendor, String method, Map<String, String> headers, JsonNode request,
    String dataPrefix, String doneMarker, String finishReason, int generalFailure, Integer invalidConfiguration,
    Map<Integer, Integer> failureByHttpStatus) {

  /** Copies the maps and the schema. */
  public CustomLlm {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    request = request.deepCopy();
    failureByHttpStatus = Collections.unmodifiableMap(new LinkedHashMap<>(failureByHttpStatus));
  }

  /** @return a copy of the request schema (the record's own tree is not handed out) */
  @Override
  public JsonNode request() {
    return request.deepCopy();
  }

  /** @return Exception code of an unusable configuration ({@link #generalFailure()} if none is given) */
  public int invalidConfigurationFailure() {
    return invalidConfiguration != null ? invalidConfiguration : generalFailure;
  }

  /**
   * @param status HTTP status the endpoint answered (not 200)
   * @return the Exception code it raises
   */
  public int failureForStatus(int status) {
    return failureByHttpStatus.getOrDefault(status, generalFailure);
  }
}
