package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import java.net.URI;
import java.util.List;

/**
 * Builds the request the service sends to a custom {@code LLM.Url} (reference §6.11, contract
 * {@code x-zego-custom-llm.request}): {@code LLM.Params} copied in, then {@code model},
 * {@code temperature}, {@code top_p} (configured or the contract's default), {@code messages}
 * (reference §6.5: system prompt, the context window, the user turn), {@code stream: true} and,
 * when configured, {@code agent_info} and {@code agent_extra_info}.
 */
public final class LlmRequestBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Who and when, for {@code agent_info}.
   *
   * @param roomId RTC room
   * @param agentInstanceId instance
   * @param agentUserId the agent's room user
   * @param userId the instance's real user
   * @param round Round of the call
   * @param timeStampMillis send time, Unix milliseconds (mock clock)
   */
  public record AgentInfo(String roomId, String agentInstanceId, String agentUserId, String userId,
      long round, long timeStampMillis) {
  }

  private final LlmContract contract;

  /** @param contract the contract's facts */
  public LlmRequestBuilder(LlmContract contract) {
    this.contract = contract;
  }

  /** @return the contract's facts */
  public LlmContract contract() {
    return contract;
  }

  /**
   * @param llm the effective LLM object (instance's, else the agent's)
   * @return whether the exchange is the documented one (Vendor OpenAIChat, the default)
   */
  public boolean speaksProtocol(JsonNode llm) {
    JsonNode v = llm.get("Vendor");
    String vendor = v == null || v.isNull() ? contract.llmDefault("Vendor").asText() : v.asText();
    return contract.vendor().equals(vendor);
  }

  /**
   * @param llm the effective LLM object
   * @param temporaryPrompt SendAgentInstanceLLM SystemPrompt, or null/empty for the configured one
   * @param window the last WindowSize context messages, oldest first
   * @param userTurn the text of the user turn
   * @param info who and when
   * @return the request
   * @throws IllegalArgumentException when LLM.Url is not an absolute http(s) URL, or LLM.ApiKey
   *     cannot go into an HTTP header (the message never shows the key)
   */
  public LlmRequest build(JsonNode llm, String temporaryPrompt, List<ContextMessage> window,
      String userTurn, AgentInfo info) {
    URI url = url(llm.path("Url").asText(""));
    ObjectNode body = JSON.objectNode();
    JsonNode params = llm.get("Params");
    if (params != null && params.isObject()) {
      body.setAll((ObjectNode) params.deepCopy());
    }
    body.put("model", llm.path("Model").asText(""));
    body.set("temperature", configured(llm, "Temperature"));
    body.set("top_p", configured(llm, "TopP"));
    ArrayNode messages = body.putArray("messages");
    String prompt = temporaryPrompt != null && !temporaryPrompt.isEmpty() ? temporaryPrompt
        : llm.path("SystemPrompt").isTextual() ? llm.get("SystemPrompt").textValue() : null;
    if (prompt != null && !prompt.isEmpty()) {
      messages.addObject().put("role", "system").put("content", prompt);
    }
    for (ContextMessage m : window) {
      messages.addObject().put("role", m.getRole()).put("content", m.getContent());
    }
    messages.addObject().put("role", "user").put("content", userTurn);
    body.put("stream", true);
    if (llm.path("AddAgentInfo").asBoolean(contract.llmDefault("AddAgentInfo").asBoolean(false))) {
      ObjectNode a = body.putObject("agent_info");
      a.put("room_id", info.roomId());
      a.put("agent_instance_id", info.agentInstanceId());
      a.put("agent_user_id", info.agentUserId());
      a.put("user_id", info.userId());
      a.put("round_id", info.round());
      a.put("time_stamp", info.timeStampMillis());
    } else {
      body.remove("agent_info");
    }
    JsonNode extra = llm.get("AgentExtraInfo");
    if (extra != null && extra.isObject()) {
      body.set("agent_extra_info", extra.deepCopy());
    } else {
      body.remove("agent_extra_info");
    }
    JsonNode key = llm.get("ApiKey");
    String apiKey = key == null || !key.isTextual() ? null : key.textValue();
    checkHeaderSafe(apiKey);
    return new LlmRequest(url, apiKey, body);
  }

  /**
   * The key goes into {@code Authorization: Bearer <key>}: only visible ASCII can (no CR, LF, NUL,
   * space, control or non-ASCII character), or the header would be refused or split.
   */
  static void checkHeaderSafe(String apiKey) {
    if (apiKey == null) {
      return;
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("LLM.ApiKey cannot be sent in the Authorization header: character "
            + (i + 1) + " of " + apiKey.length() + " is " + (c < 0x80 ? String.format("0x%02X", (int) c) : "not ASCII")
            + " (only visible ASCII can go into an HTTP header); nothing was sent");
      }
    }
  }

  private JsonNode configured(JsonNode llm, String field) {
    JsonNode v = llm.get(field);
    return v != null && v.isNumber() ? v.deepCopy() : contract.llmDefault(field).deepCopy();
  }

  /** @return the URL; IllegalArgumentException (message without the query) when unusable */
  static URI url(String raw) {
    URI u;
    try {
      u = new URI(raw);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("LLM.Url is not a valid URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException("LLM.Url must be an absolute http or https URL");
    }
    return u;
  }
}
