package io.github.zegoaiagent.mock.internal.timeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Titles, texts and codes of the timeline's event entries, read from a callback event's
 * {@code Data} (reference §8). An event this class does not know gets its name as the title.
 */
final class EventWords {
  private final ContractWords words;

  EventWords(ContractWords words) {
    this.words = words;
  }

  /** Fills the entry's words from the event's name and Data. */
  String title(String event, JsonNode d, Entry e) {
    if (d.has("Round")) {
      e.round = d.path("Round").asLong();
    }
    switch (event) {
      case "AgentInstanceCreated":
        return "Instance created";
      case "AgentInstanceStatus":
        e.text = d.path("Status").asText(null);
        return "Status " + e.text;
      case "UserSpeakAction": {
        String user = d.path("UserId").asText("the user");
        return "SPEAK_BEGIN".equals(d.path("Action").asText()) ? "User " + user + " starts speaking"
            : "SPEAK_END".equals(d.path("Action").asText()) ? "User " + user + " stops speaking"
            : "User " + user + ": " + d.path("Action").asText("?");
      }
      case "ASRResult":
        e.text = d.path("Text").asText(null);
        return "ASR result: " + quote(e.text);
      case "LLMResult":
        e.text = d.path("Text").asText(null);
        return "LLM sentence: " + quote(e.text);
      case "Interrupted": {
        e.playedText = d.path("PlayedText").asText(null);
        int reason = d.path("Reason").asInt();
        String played = e.playedText == null || e.playedText.isEmpty() ? "nothing played yet"
            : "cut after " + quote(e.playedText);
        return "Interrupted by " + words.interruptReason(reason) + ": " + played;
      }
      case "Exception": {
        e.code = d.path("Code").asLong();
        e.codeName = words.exceptionMeaning(e.code);
        e.text = d.path("Message").asText(null);
        return "Exception " + e.code + (e.codeName == null ? "" : ": " + e.codeName);
      }
      case "AgentInstanceDeleted": {
        e.code = d.path("Code").asLong();
        e.codeName = e.code == 0 ? "DeleteAgentInstance" : words.exceptionMeaning(e.code);
        return "Instance deleted (Code " + e.code + (e.codeName == null ? "" : ": " + e.codeName) + ")";
      }
      default:
        return event;
    }
  }

  private static String quote(String s) {
    return s == null ? "(none)" : "\u201c" + s + "\u201d";
  }
}
