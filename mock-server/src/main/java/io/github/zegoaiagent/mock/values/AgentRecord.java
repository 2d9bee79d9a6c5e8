package io.github.zegoaiagent.mock.values;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registered agent as stored: the objects exactly as last sent (RegisterAgent / UpdateAgent
 * replace them whole).
 *
 * @param agentId the AgentId
 * @param name display name, or null
 * @param llm the LLM object, or null
 * @param tts the TTS object, or null
 * @param asr the ASR object, or null
 */
public record AgentRecord(String agentId, String name, JsonNode llm, JsonNode tts, JsonNode asr) {
  /** Keeps private copies so callers cannot change stored state. */
  public AgentRecord {
    llm = llm == null ? null : llm.deepCopy();
    tts = tts == null ? null : tts.deepCopy();
    asr = asr == null ? null : asr.deepCopy();
  }

  /**
   * @return characters of the stored JSON text (id, name and objects): what the mock's byte cap
   *     {@code maxAgentBytes} counts
   */
  public long size() {
    return agentId.length() + (name == null ? 0 : name.length()) + chars(llm) + chars(tts) + chars(asr);
  }

  private static long chars(JsonNode n) {
    return n == null ? 0 : n.toString().length();
  }

  @Override
  public JsonNode llm() {
    return llm == null ? null : llm.deepCopy();
  }

  @Override
  public JsonNode tts() {
    return tts == null ? null : tts.deepCopy();
  }

  @Override
  public JsonNode asr() {
    return asr == null ? null : asr.deepCopy();
  }
}
