package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.error.Codes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Memory caps refuse with a clear message, or forget the oldest where nothing is refused. */
class CapsTest {
  @Test
  void contextCap() {
    try (MockServer s = MockServer.start(TestServers.config().maxContextMessages(3).build())) {
      RawApi api = new RawApi(s);
      api.ok("RegisterAgent", Bodies.agent("a"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      String two = "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"1\"},"
          + "{\"Role\":\"assistant\",\"Content\":\"2\"}]}";
      api.ok("AddAgentInstanceMsg", two);
      assertThat(api.fails("AddAgentInstanceMsg", two, Codes.INVALID_PARAMETER))
          .contains("at most 3 context messages").contains("2 are stored");
      assertThat(s.instance(id).getContext()).hasSize(2);
      // Internal additions (spoken answers) forget the oldest instead of failing.
      api.ok("SendAgentInstanceTTS", Bodies.tts(id, "three", ""));
      s.advanceClock(Duration.ofSeconds(5));
      api.ok("SendAgentInstanceTTS", Bodies.tts(id, "four", ""));
      assertThat(s.instance(id).getContext()).extracting(m -> m.getContent()).containsExactly("2", "three", "four");
    }
  }

  @Test
  void walkieTalkieUsersCap() {
    try (MockServer s = MockServer.start(TestServers.config().maxUsersPerInstance(2).build())) {
      RawApi api = new RawApi(s);
      api.ok("RegisterAgent", Bodies.agent("a"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("a", "1", ",\"AdvancedConfig\":{\"CommunicationMode\":2}"))
          .path("AgentInstanceId").asText();
      for (String u : new String[] {"u1", "u2"}) {
        api.ok("StartListening", "{\"AgentInstanceId\":\"" + id + "\",\"UserId\":\"" + u + "\",\"Sequence\":1}");
        api.ok("StopListening", "{\"AgentInstanceId\":\"" + id + "\",\"UserId\":\"" + u + "\",\"Sequence\":2}");
        s.advanceClock(Duration.ofSeconds(10));
      }
      assertThat(api.fails("StartListening", "{\"AgentInstanceId\":\"" + id + "\",\"UserId\":\"u3\",\"Sequence\":1}",
          Codes.INVALID_PARAMETER)).contains("at most 2 users");
    }
  }

  @Test
  void spokenTextsForgetTheOldest() {
    try (MockServer s = MockServer.start(TestServers.config().maxSpokenTexts(2).build())) {
      RawApi api = new RawApi(s);
      api.ok("RegisterAgent", Bodies.agent("a"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      for (String t : new String[] {"one", "two", "three"}) {
        api.ok("SendAgentInstanceTTS", Bodies.tts(id, t, ""));
        s.advanceClock(Duration.ofSeconds(5));
      }
      assertThat(s.instance(id).getSpokenTexts()).extracting(x -> x.getText()).containsExactly("two", "three");
    }
  }

  @Test
  void journalKeepsTheLatestEntries() {
    try (MockServer s = MockServer.start(TestServers.config().journalSize(3).build())) {
      RawApi api = new RawApi(s);
      for (int i = 0; i < 5; i++) {
        api.ok("ListAgents", "{\"Limit\":" + (i + 1) + "}");
      }
      assertThat(s.journal()).hasSize(3);
      assertThat(s.journal().get(0).getBody()).isEqualTo("{\"Limit\":3}");
      assertThat(s.journal().get(2).getSequence()).isEqualTo(5);
    }
  }

  static String bigAgent(String id, int promptChars) {
    return "{\"AgentId\":\"" + id + "\",\"LLM\":{\"Url\":\"https://x.example/v1\",\"ApiKey\":\"k\",\"Model\":\"m\","
        + "\"SystemPrompt\":\"" + "p".repeat(promptChars) + "\"}}";
  }

  @Test
  void agentsAreCappedInBytesNotOnlyInNumber() {
    try (MockServer s = MockServer.start(TestServers.config().maxAgentBytes(25_000).build())) {
      RawApi api = new RawApi(s);
      api.ok("RegisterAgent", bigAgent("a", 10_000));
      api.ok("RegisterAgent", bigAgent("b", 10_000));
      assertThat(api.fails("RegisterAgent", bigAgent("c", 10_000), Codes.INVALID_PARAMETER))
          .contains("at most 25000 characters of agent JSON per App").contains("maxAgentBytes");
      // UpdateAgent counts the replacement, not old + new.
      api.ok("UpdateAgent", bigAgent("b", 12_000).replace("\"AgentId\"", "\"Name\":\"n\",\"AgentId\""));
      assertThat(api.fails("UpdateAgent", bigAgent("b", 16_000), Codes.INVALID_PARAMETER)).contains("maxAgentBytes");
      api.ok("UnregisterAgent", "{\"AgentId\":\"a\"}");
      api.ok("RegisterAgent", bigAgent("c", 10_000));
      assertThat(api.ok("ListAgents", "{}").path("Agents")).hasSize(2);
      s.reset();
      api.ok("RegisterAgent", bigAgent("a", 20_000)); // reset frees the budget
    }
  }

  @Test
  void contextIsCappedInCharacters() {
    try (MockServer s = MockServer.start(TestServers.config().maxContextBytes(10).build())) {
      RawApi api = new RawApi(s);
      api.ok("RegisterAgent", Bodies.agent("a"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      api.ok("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"12345\"}]}");
      assertThat(api.fails("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id
          + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"123456\"}]}", Codes.INVALID_PARAMETER))
          .contains("at most 10 characters of context").contains("maxContextBytes");
      // Internal additions forget the oldest until the new one fits.
      api.ok("SendAgentInstanceTTS", Bodies.tts(id, "abcdefg", ""));
      s.advanceClock(Duration.ofSeconds(5));
      assertThat(s.instance(id).getContext()).extracting(m -> m.getContent()).containsExactly("abcdefg");
      api.ok("ResetAgentInstanceMsgList", Bodies.id(id));
      api.ok("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"1234567890\"}]}");
    }
  }

  @Test
  void journalIsCappedInCharacters() {
    try (MockServer s = MockServer.start(TestServers.config().journalBytes(20_000).build())) {
      RawApi api = new RawApi(s);
      for (int i = 0; i < 10; i++) {
        api.ok("RegisterAgent", bigAgent("j" + i, 9_000));
      }
      long kept = s.journal().stream().mapToLong(e -> e.getBody().length() + e.getQuery().length()
          + e.getMessage().length() + e.getPath().length() + e.getAction().length()).sum();
      assertThat(kept).isLessThanOrEqualTo(20_000);
      assertThat(s.journal()).hasSize(2);
      assertThat(s.journal().get(1).getSequence()).isEqualTo(10);
      assertThat(s.journal().get(1).getBody()).hasSize(RequestJournalChars.MAX + 1); // clipped to 8 KiB + "…"
    }
  }

  /** The per-entry clip of the journal. */
  static final class RequestJournalChars {
    static final int MAX = io.github.zegoaiagent.mock.internal.state.RequestJournal.MAX_BODY_CHARS;
  }

  @Test
  void configRefusesUnboundedCaps() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServerConfig.builder().maxAgents(0))
        .hasMessageContaining("maxAgents");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServerConfig.builder().journalSize(2_000_000))
        .hasMessageContaining("journalSize");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServerConfig.builder().credential(-1, "s"))
        .hasMessageContaining("unsigned 32-bit");
  }
}
