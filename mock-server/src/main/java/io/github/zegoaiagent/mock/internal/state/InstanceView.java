package io.github.zegoaiagent.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an instance looked like at one moment ({@link InstanceState#snapshot()}).
 *
 * @param id what names it
 * @param userStreamId pulled stream, or null
 * @param status what it does
 * @param lastRound latest Round
 * @param context the LLM context, oldest first
 * @param spoken what was said, oldest first
 * @param queued waiting items
 * @param listeningUser user whose walkie-talkie turn is open, or null
 * @param userPresent whether the user is in the room
 * @param shuttingDown graceful shutdown in progress
 * @param walkieTalkie CommunicationMode 2
 * @param llm effective LLM (a copy), or null
 * @param tts effective TTS (a copy), or null
 */
public record InstanceView(InstanceIdentity id, String userStreamId, InstanceStatus status, long lastRound,
    List<ContextEntry> context, List<SpokenLine> spoken, int queued, String listeningUser,
    boolean userPresent, boolean shuttingDown, boolean walkieTalkie, JsonNode llm, JsonNode tts) {
  /** Copies the lists. */
  public InstanceView {
    context = List.copyOf(context);
    spoken = List.copyOf(spoken);
  }
}
