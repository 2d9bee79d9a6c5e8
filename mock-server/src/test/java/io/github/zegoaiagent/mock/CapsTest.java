package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.error.Codes;
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
      assertThat(s.requireInstance(id).context()).hasSize(2);
      // Internal additions (spoken answers) forget the oldest instead of failing.
      api.ok("SendAgentInstanceTTS", Bodies.tts(id, "three", ""));
      s.advanceClock(Duration.ofSeconds(5));
      api.ok("SendAgentInstanceTTS", Bodies.tts(id, "four", ""));
      assertThat(s.requireInstance(id).context()).extracting(m -> m.content()).containsExactly("2", "three", "four");
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
      assertThat(s.requireInstance(id).spokenTexts()).extracting(x -> x.text()).containsExactly("two", "three");
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
      assertThat(s.journal().get(0).body()).isEqualTo("{\"Limit\":3}");
      assertThat(s.journal().get(2).sequence()).isEqualTo(5);
    }
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
