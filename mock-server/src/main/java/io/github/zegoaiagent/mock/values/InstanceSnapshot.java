package io.github.zegoaiagent.mock.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an instance looked like at one moment (for tests and the control API).
 *
 * @param appId owning App
 * @param agentInstanceId the AgentInstanceId
 * @param kind create action
 * @param agentId registered agent
 * @param userId real user, or null (live digital human)
 * @param roomId RTC room, or null (CDN)
 * @param agentStreamId published stream, or null
 * @param agentUserId agent's room user, or null
 * @param userStreamId pulled stream, or null
 * @param status what the agent is doing (QueryAgentInstanceStatus's Status)
 * @param lastRound latest Round handed out (0 before any)
 * @param context the LLM context, oldest first
 * @param spokenTexts what the agent said, oldest first (bounded)
 * @param queued waiting Enqueue requests
 * @param listeningUser user whose walkie-talkie turn is open, or null
 * @param userPresent whether the instance's user is in the room
 * @param shuttingDown graceful shutdown in progress
 * @param walkieTalkie CommunicationMode 2
 * @param llm effective LLM config, or null
 * @param tts effective TTS config, or null
 *     (both with credentials masked as {@code ***} when read through {@code MockServer})
 */
public record InstanceSnapshot(long appId, String agentInstanceId, InstanceKind kind,
    String agentId, String userId, String roomId, String agentStreamId, String agentUserId,
    String userStreamId, InstanceStatus status, long lastRound, List<ContextMessage> context,
    List<SpokenText> spokenTexts, int queued, String listeningUser, boolean userPresent,
    boolean shuttingDown, boolean walkieTalkie, JsonNode llm, JsonNode tts) {

  /**
   * @param llm replacement LLM config
   * @param tts replacement TTS config
   * @return this snapshot with other LLM/TTS objects (used to mask credentials)
   */
  public InstanceSnapshot withConfig(JsonNode llm, JsonNode tts) {
    return new InstanceSnapshot(appId, agentInstanceId, kind, agentId, userId, roomId, agentStreamId,
        agentUserId, userStreamId, status, lastRound, context, spokenTexts, queued, listeningUser,
        userPresent, shuttingDown, walkieTalkie, llm, tts);
  }
}
