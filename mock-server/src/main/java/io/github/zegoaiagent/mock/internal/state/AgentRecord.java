package io.github.zegoaiagent.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.memory.Sizes;

/**
 * A registered agent as stored: the objects exactly as last sent (RegisterAgent / UpdateAgent
 * replace them whole). Built (copied, measured) before any lock is taken; the trees are never
 * changed afterwards, so readers use them without copying.
 *
 * @param agentId the AgentId
 * @param name display name, or null
 * @param llm the LLM object, or null
 * @param tts the TTS object, or null
 * @param asr the ASR object, or null
 * @param chars characters of the stored JSON text: what the cap {@code maxAgentBytes} counts
 * @param bytes estimated heap ({@link Sizes}): what the memory budget counts
 */
public record AgentRecord(String agentId, String name, JsonNode llm, JsonNode tts, JsonNode asr,
    long chars, long bytes) {

  /**
   * @return a record with private copies of the objects, measured once
   */
  public static AgentRecord of(String agentId, String name, JsonNode llm, JsonNode tts, JsonNode asr) {
    JsonNode l = llm == null ? null : llm.deepCopy();
    JsonNode t = tts == null ? null : tts.deepCopy();
    JsonNode a = asr == null ? null : asr.deepCopy();
    long chars = agentId.length() + (name == null ? 0 : name.length()) + chars(l) + chars(t) + chars(a);
    long bytes = Sizes.ENTRY + Sizes.text(agentId) + Sizes.text(name) + Sizes.json(l) + Sizes.json(t) + Sizes.json(a);
    return new AgentRecord(agentId, name, l, t, a, chars, bytes);
  }

  private static long chars(JsonNode n) {
    return n == null ? 0 : n.toString().length();
  }
}
