package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.validate.Contract;

/**
 * The contract's facts about the custom-LLM exchange (root {@code x-zego-custom-llm}, reference
 * §6.11) and the LLM defaults ({@code components.schemas.LLM}), read once so no code restates
 * them: the stream markers and the Exception code of each failure.
 */
public final class LlmContract {
  private final JsonNode block;
  private final JsonNode llmSchema;

  /** @param root the contract document */
  LlmContract(JsonNode root) {
    this.block = root.path("x-zego-custom-llm");
    this.llmSchema = root.path("components").path("schemas").path("LLM").path("properties");
    if (block.isMissingNode() || !block.path("failures").path("general").canConvertToInt()) {
      throw new IllegalStateException("x-zego-custom-llm missing from the contract");
    }
  }

  /** @return the facts of the packaged contract */
  public static LlmContract load() {
    return new LlmContract(Contract.load().root());
  }

  /** @return the only LLM.Vendor the exchange is documented for */
  String vendor() {
    return block.path("vendor").asText();
  }

  /** @return the JSON schema of the request body */
  public JsonNode requestSchema() {
    return block.path("request");
  }

  /** @return the SSE field name that carries a chunk, with its colon ({@code data:}) */
  String dataPrefix() {
    return block.path("stream").path("dataPrefix").asText();
  }

  /** @return the data value that ends the stream */
  String doneMarker() {
    return block.path("stream").path("doneMarker").asText();
  }

  /** @return the finish_reason of the last content chunk */
  String finishReason() {
    return block.path("stream").path("finishReason").asText();
  }

  /** @return Exception code of a failure with no more specific code (LLM general error) */
  public int generalFailure() {
    return block.path("failures").path("general").intValue();
  }

  /** @return Exception code of an unusable LLM configuration (LLM parameter error) */
  public int invalidConfiguration() {
    JsonNode c = block.path("failures").path("invalidConfiguration");
    return c.canConvertToInt() ? c.intValue() : generalFailure();
  }

  /**
   * @param status HTTP status the endpoint answered (not 200)
   * @return the Exception code it raises
   */
  public int failureForStatus(int status) {
    JsonNode c = block.path("failures").path("byHttpStatus").path(Integer.toString(status));
    return c.canConvertToInt() ? c.intValue() : generalFailure();
  }

  /**
   * @param field property of the LLM object, for example {@code Temperature}
   * @return its documented default, or a missing node
   */
  JsonNode llmDefault(String field) {
    return llmSchema.path(field).path("default");
  }
}
