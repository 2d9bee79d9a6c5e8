package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.zegoaiagent.contract.CustomLlm;
import io.github.zegoaiagent.contract.ZegoContract;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.util.NoSuchElementException;

/**
 * The contract's facts about the custom-LLM exchange ({@link ZegoContract#customLlm()}: root
 * {@code x-zego-custom-llm}, reference §6.11, form checked when the model is read) and the LLM
 * defaults ({@code components.schemas.LLM}), read through the typed model so no code restates
 * them: the stream markers and the Exception code of each failure.
 */
public final class LlmContract {
  private static final String LLM_PROPERTIES = "/components/schemas/LLM/properties/";

  private final CustomLlm block;
  private final ZegoContract model;

  private LlmContract(ZegoContract model) {
    this.model = model;
    this.block = model.customLlm().orElseThrow(() ->
        new IllegalStateException("x-zego-custom-llm missing from the contract " + model.source()));
  }

  /** @param model the contract @return its custom-LLM facts @throws IllegalStateException when it has none */
  public static LlmContract of(ZegoContract model) {
    return new LlmContract(model);
  }

  /** @return the facts of the packaged contract */
  public static LlmContract load() {
    return of(Contract.load().model());
  }

  /** @return the only LLM.Vendor the exchange is documented for */
  String vendor() {
    return block.vendor();
  }

  /** @return the JSON schema of the request body */
  public JsonNode requestSchema() {
    return block.request();
  }

  /** @return the SSE field name that carries a chunk, with its colon ({@code data:}) */
  String dataPrefix() {
    return block.dataPrefix();
  }

  /** @return the data value that ends the stream */
  String doneMarker() {
    return block.doneMarker();
  }

  /** @return the finish_reason of the last content chunk */
  String finishReason() {
    return block.finishReason();
  }

  /** @return Exception code of a failure with no more specific code (LLM general error) */
  public int generalFailure() {
    return block.generalFailure();
  }

  /** @return Exception code of an unusable LLM configuration (LLM parameter error) */
  public int invalidConfiguration() {
    return block.invalidConfigurationFailure();
  }

  /**
   * @param status HTTP status the endpoint answered (not 200)
   * @return the Exception code it raises
   */
  public int failureForStatus(int status) {
    return block.failureForStatus(status);
  }

  /**
   * @param field property of the LLM object, for example {@code Temperature}
   * @return its documented default, or a missing node
   */
  JsonNode llmDefault(String field) {
    try {
      return model.node(LLM_PROPERTIES + field + "/default");
    } catch (NoSuchElementException none) {
      return MissingNode.getInstance();
    }
  }
}
