package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CommunicationMode 2: StartListening / StopListening and the Sequence rules. */
@ZegoMockTest(callbacks = false, configure = WalkieTalkieTest.Config.class)
class WalkieTalkieTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).speechPerCharacter(Duration.ofMillis(10));
    }
  }

  static MockServer server;
  static RawApi api;
  String id;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @BeforeEach
  void setUp() {
    api.ok("RegisterAgent", Bodies.agent("a"));
    id = api.ok("CreateAgentInstance", Bodies.instance("a", "1",
        ",\"AdvancedConfig\":{\"CommunicationMode\":2},\"CallbackConfig\":{\"UserSpeakAction\":1,\"ASRResult\":1}"))
        .path("AgentInstanceId").asText();
  }

  String turn(String action, String extra) {
    return "{\"AgentInstanceId\":\"" + id + "\"" + extra + "}";
  }

  String status() {
    return api.ok("QueryAgentInstanceStatus", Bodies.id(id)).path("Status").asText();
  }

  @Test
  void startListenStopAnswer() {
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().utterance("What time is it?"));
    long r = api.ok("StartListening", turn("", ",\"Sequence\":1")).path("Round").asLong();
    assertThat(status()).isEqualTo("LISTENING");
    long r2 = api.ok("StopListening", turn("", ",\"Sequence\":2")).path("Round").asLong();
    assertThat(r2).isEqualTo(r);
    assertThat(status()).isEqualTo("THINKING");
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getContext()).containsExactly(
        new ContextMessage().role("user").content("What time is it?"),
        new ContextMessage().role("assistant").content("You said: What time is it?"));
    List<String> ev = server.callbacks().getEvents().stream().map(e -> e.path("Event").asText())
        .filter(e -> !e.startsWith("AgentInstance")).collect(Collectors.toList());
    assertThat(ev).containsExactly("UserSpeakAction", "UserSpeakAction", "ASRResult");
  }

  @Test
  void llmAndTtsRefusedWhileListening() {
    api.ok("StartListening", turn("", ""));
    assertThat(api.fails("SendAgentInstanceLLM", Bodies.llm(id, "x", ""), Codes.AGENT_LISTENING)).contains("StopListening");
    api.fails("SendAgentInstanceTTS", Bodies.tts(id, "x", ""), Codes.AGENT_LISTENING);
    api.ok("StopListening", turn("", ""));
    api.ok("SendAgentInstanceTTS", Bodies.tts(id, "x", ""));
  }

  @Test
  void outdatedSequenceChangesNothing() {
    api.ok("StartListening", turn("", ",\"Sequence\":5"));
    api.ok("StopListening", turn("", ",\"Sequence\":6"));
    long rounds = server.instance(id).getLastRound();
    assertThat(api.fails("StartListening", turn("", ",\"Sequence\":6"), Codes.SEQUENCE_OUTDATED)).contains("6");
    assertThat(api.fails("StartListening", turn("", ",\"Sequence\":3"), Codes.SEQUENCE_OUTDATED)).contains("not newer than 6");
    assertThat(status()).isNotEqualTo("LISTENING");
    assertThat(server.instance(id).getLastRound()).isEqualTo(rounds);
    api.ok("StartListening", turn("", ",\"Sequence\":7"));
    assertThat(status()).isEqualTo("LISTENING");
  }

  @Test
  void stopOvertakingStartMakesTheStartOutdated() {
    api.fails("StopListening", turn("", ",\"Sequence\":2"), Codes.STOP_LISTENING_FAILED);
    api.fails("StartListening", turn("", ",\"Sequence\":1"), Codes.SEQUENCE_OUTDATED);
    assertThat(status()).isEqualTo("IDLE");
  }

  @Test
  void sequencesArePerUser() {
    api.ok("StartListening", turn("", ",\"UserId\":\"alice\",\"Sequence\":10"));
    api.ok("StopListening", turn("", ",\"UserId\":\"alice\",\"Sequence\":11"));
    server.advanceClock(Duration.ofSeconds(5));
    api.ok("StartListening", turn("", ",\"UserId\":\"bob\",\"Sequence\":1"));
    assertThat(server.instance(id).getListeningUser()).isEqualTo("bob");
  }

  @Test
  void startWhileAnotherUsersTurnIsOpen() {
    api.ok("StartListening", turn("", ",\"UserId\":\"alice\""));
    assertThat(api.fails("StartListening", turn("", ",\"UserId\":\"bob\""), Codes.START_LISTENING_FAILED)).contains("alice");
    long again = api.ok("StartListening", turn("", ",\"UserId\":\"alice\"")).path("Round").asLong();
    assertThat(again).isEqualTo(server.instance(id).getLastRound());
    assertThat(api.fails("StopListening", turn("", ",\"UserId\":\"bob\""), Codes.STOP_LISTENING_FAILED)).contains("alice");
  }

  @Test
  void startInterruptsTheAgent() {
    api.ok("SendAgentInstanceTTS", Bodies.tts(id, "long answer being spoken", ""));
    api.ok("StartListening", turn("", ""));
    assertThat(server.instance(id).getSpokenTexts().get(0).getInterrupted()).isTrue();
    assertThat(status()).isEqualTo("LISTENING");
  }

  @Test
  void notWalkieTalkie() {
    String full = api.ok("CreateAgentInstance", Bodies.instance("a", "2")).path("AgentInstanceId").asText();
    assertThat(api.fails("StartListening", Bodies.id(full), Codes.NOT_WALKIE_TALKIE)).contains("CommunicationMode 2");
    api.fails("StopListening", Bodies.id(full), Codes.NOT_WALKIE_TALKIE);
  }

  @Test
  void userNotPublishing() {
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().userId(null).publishing(false));
    assertThat(api.fails("StartListening", turn("", ",\"Sequence\":1"), Codes.USER_NOT_PUBLISHING)).contains("user_1");
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().userId(null).publishing(true));
    api.ok("StartListening", turn("", ",\"Sequence\":1")); // the refused Sequence was not consumed
  }
}
