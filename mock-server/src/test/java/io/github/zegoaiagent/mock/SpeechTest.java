package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status, Rounds, priorities, the Enqueue queue, interruption, context and graceful shutdown,
 * all on the simulation clock (LLM thinks 500 ms; speech takes 10 ms per character).
 */
@ZegoMockTest(callbacks = false, configure = SpeechTest.Config.class)
class SpeechTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).speechPerCharacter(Duration.ofMillis(10))
          .llmThinkTime(Duration.ofMillis(500));
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
    server.setLlmReply(SimulatedLlm.echo());
    api.ok("RegisterAgent", Bodies.agent("a"));
    id = api.ok("CreateAgentInstance", Bodies.instance("a", "1",
        ",\"CallbackConfig\":{\"AgentInstanceStatus\":1,\"LLMResult\":1,\"Interrupted\":1}"))
        .path("AgentInstanceId").asText();
  }

  String status() {
    return api.ok("QueryAgentInstanceStatus", Bodies.id(id)).path("Status").asText();
  }

  long tts(String text, String extra) {
    return api.ok("SendAgentInstanceTTS", Bodies.tts(id, text, extra)).path("Round").asLong();
  }

  long llm(String text, String extra) {
    return api.ok("SendAgentInstanceLLM", Bodies.llm(id, text, extra)).path("Round").asLong();
  }

  List<String> events(String event) {
    return server.callbacks().getEvents().stream().filter(e -> e.path("Event").asText().equals(event))
        .map(e -> e.path("Data").toString()).collect(Collectors.toList());
  }

  @Test
  void ttsSpeaksForItsLengthThenIdle() {
    assertThat(status()).isEqualTo("IDLE");
    long r = tts("0123456789", ""); // 10 characters = 100 ms
    assertThat(r).isEqualTo(1);
    assertThat(status()).isEqualTo("SPEAKING");
    server.advanceClock(Duration.ofMillis(99));
    assertThat(status()).isEqualTo("SPEAKING");
    server.advanceClock(Duration.ofMillis(1));
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText).containsExactly("0123456789");
    assertThat(events("AgentInstanceStatus")).containsExactly(
        "{\"Status\":\"SPEAKING\",\"Round\":1}", "{\"Status\":\"IDLE\",\"Round\":1}");
  }

  @Test
  void llmThinksThenSpeaksTheConfiguredReply() {
    server.setLlmReply(SimulatedLlm.fixed("It is sunny."));
    long r = llm("Weather?", "");
    assertThat(status()).isEqualTo("THINKING");
    assertThat(events("LLMResult")).isEmpty();
    server.advanceClock(Duration.ofMillis(500));
    assertThat(status()).isEqualTo("SPEAKING");
    assertThat(events("LLMResult")).containsExactly("{\"Round\":" + r + ",\"Text\":\"It is sunny.\"}");
    server.advanceClock(Duration.ofMillis(120));
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts().get(0).getText()).isEqualTo("It is sunny.");
  }

  @Test
  void defaultReplyEchoesAndSeesSystemPrompt() {
    StringBuilder seen = new StringBuilder();
    server.setLlmReply((q, prompt, window) -> {
      seen.append(prompt).append('|').append(window.size());
      return "ok";
    });
    llm("q", ",\"SystemPrompt\":\"Temporary.\"");
    assertThat(seen.toString()).isEqualTo("Temporary.|0");
    server.setLlmReply(SimulatedLlm.echo());
    server.advanceClock(Duration.ofSeconds(10));
    llm("hello", "");
    server.advanceClock(Duration.ofSeconds(10));
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText)
        .containsExactly("ok", "You said: hello");
  }

  @Test
  void roundsStrictlyIncrease() {
    long a = tts("one", "");
    long b = llm("two", "");
    long c = tts("three", ",\"SamePriorityOption\":\"Enqueue\"");
    assertThat(a).isLessThan(b);
    assertThat(b).isLessThan(c);
  }

  @Test
  void contextDefaults() {
    tts("spoken and stored", "");            // AddHistory default true
    tts("not stored", ",\"AddHistory\":false");
    server.advanceClock(Duration.ofSeconds(5));
    llm("question", "");                      // AddQuestionToHistory false, AddAnswerToHistory true
    server.advanceClock(Duration.ofSeconds(5));
    llm("asked", ",\"AddQuestionToHistory\":true,\"AddAnswerToHistory\":false");
    server.advanceClock(Duration.ofSeconds(5));
    JsonNode d = api.ok("GetAgentInstanceMsgList", Bodies.id(id));
    assertThat(d.path("Total").asInt()).isEqualTo(3);
    assertThat(server.instance(id).getContext()).containsExactly(
        new ContextMessage().role("assistant").content("spoken and stored"),
        new ContextMessage().role("assistant").content("You said: question"),
        new ContextMessage().role("user").content("asked"));
  }

  @Test
  void addAnswerToHistoryDefaultCanBeOverridden() {
    try (MockServer s = MockServer.start(TestServers.config().addAnswerToHistoryDefault(false).build())) {
      RawApi a = new RawApi(s);
      a.ok("RegisterAgent", Bodies.agent("a"));
      String i = a.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      a.ok("SendAgentInstanceLLM", Bodies.llm(i, "q", ""));
      s.advanceClock(Duration.ofSeconds(10));
      assertThat(s.instance(i).getContext()).isEmpty();
      a.ok("SendAgentInstanceLLM", Bodies.llm(i, "q", ",\"AddAnswerToHistory\":true"));
      s.advanceClock(Duration.ofSeconds(10));
      assertThat(s.instance(i).getContext()).hasSize(1);
    }
  }

  @Test
  void addGetResetContext() {
    String msgs = "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"My name is Alice.\"},"
        + "{\"Role\":\"assistant\",\"Content\":\"Hi Alice.\"}]}";
    api.ok("AddAgentInstanceMsg", msgs);
    api.ok("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id + "\"}"); // absent: nothing changes
    JsonNode d = api.ok("GetAgentInstanceMsgList", Bodies.id(id));
    assertThat(d.path("Total").asInt()).isEqualTo(2);
    assertThat(d.path("MessageList").get(0).path("Role").asText()).isEqualTo("user");
    assertThat(d.path("MessageList").get(1).path("Content").asText()).isEqualTo("Hi Alice.");
    assertThat(server.instance(id).getLastRound()).as("Add does not advance Round").isZero();
    api.ok("ResetAgentInstanceMsgList", Bodies.id(id));
    assertThat(api.ok("GetAgentInstanceMsgList", Bodies.id(id)).path("Total").asInt()).isZero();
  }

  @Test
  void initialContextFromMessageHistory() {
    String mh = ",\"MessageHistory\":{\"SyncMode\":1,\"WindowSize\":1,\"Messages\":[{\"Role\":\"user\",\"Content\":\"a\"},"
        + "{\"Role\":\"assistant\",\"Content\":\"b\"}]}";
    String i = api.ok("CreateAgentInstance", Bodies.instance("a", "2", mh)).path("AgentInstanceId").asText();
    StringBuilder window = new StringBuilder();
    server.setLlmReply((q, p, w) -> {
      w.forEach(m -> window.append(m.getContent()));
      return "x";
    });
    api.ok("SendAgentInstanceLLM", Bodies.llm(i, "q", ""));
    assertThat(window.toString()).as("WindowSize 1: only the last message").isEqualTo("b");
    assertThat(server.instance(i).getContext()).hasSize(2);
  }

  @Test
  void clearAndInterruptReplacesCurrentSpeech() {
    long first = tts("a long sentence to be cut", "");
    server.advanceClock(Duration.ofMillis(50)); // 5 characters played
    long second = tts("new", "");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getPlayedText).containsExactly("a lon");
    assertThat(events("Interrupted")).containsExactly(
        "{\"Round\":" + first + ",\"Reason\":3,\"PlayedText\":\"a lon\"}");
    server.advanceClock(Duration.ofMillis(30));
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getRound).containsExactly(first, second);
  }

  @Test
  void llmInterruptsWithReason2() {
    long first = tts("speaking", "");
    llm("q", "");
    assertThat(events("Interrupted")).containsExactly("{\"Round\":" + first + ",\"Reason\":2,\"PlayedText\":\"\"}");
  }

  @Test
  void enqueuePlaysInOrderAndHoldsAtMostFive() {
    long now = tts("0123456789", "");
    long[] rounds = new long[5];
    for (int i = 0; i < 5; i++) {
      rounds[i] = tts("q" + i, ",\"SamePriorityOption\":\"Enqueue\"");
    }
    assertThat(server.instance(id).getQueued()).isEqualTo(5);
    String msg = api.fails("SendAgentInstanceTTS", Bodies.tts(id, "sixth", ",\"SamePriorityOption\":\"Enqueue\""),
        Codes.TRIGGER_TTS_FAILED);
    assertThat(msg).contains("full (5 requests waiting)");
    assertThat(api.fails("SendAgentInstanceLLM", Bodies.llm(id, "sixth", ",\"SamePriorityOption\":\"Enqueue\""),
        Codes.TRIGGER_LLM_FAILED)).contains("full (5");
    assertThat(server.instance(id).getLastRound()).as("refused calls get no Round").isEqualTo(rounds[4]);
    server.advanceClock(Duration.ofMillis(100));
    assertThat(status()).isEqualTo("SPEAKING"); // the queue keeps it speaking
    server.advanceClock(Duration.ofSeconds(1));
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText)
        .containsExactly("0123456789", "q0", "q1", "q2", "q3", "q4");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getRound)
        .containsExactly(now, rounds[0], rounds[1], rounds[2], rounds[3], rounds[4]);
  }

  @Test
  void lowerPriorityIsDroppedOrQueuedHigherInterrupts() {
    tts("medium speech", "");
    long dropped = tts("low dropped", ",\"Priority\":\"Low\"");
    long queued = tts("low queued", ",\"Priority\":\"Low\",\"SamePriorityOption\":\"Enqueue\"");
    assertThat(dropped).isLessThan(queued);
    assertThat(server.instance(id).getQueued()).isEqualTo(1);
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText)
        .containsExactly("medium speech", "low queued");

    tts("medium again", "");
    tts("medium queued", ",\"SamePriorityOption\":\"Enqueue\"");
    long high = tts("HIGH", ",\"Priority\":\"High\"");
    assertThat(server.instance(id).getQueued()).as("ClearAndInterrupt clears the queue").isZero();
    assertThat(events("Interrupted")).hasSize(1);
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText)
        .containsExactly("medium speech", "low queued", "medium again", "HIGH");
    assertThat(server.instance(id).getLastRound()).isEqualTo(high);
  }

  @Test
  void deprecatedInterruptModeOneIsHigh() {
    tts("high first", ",\"Priority\":\"High\"");
    tts("medium by mode 0", ",\"InterruptMode\":0");
    assertThat(server.instance(id).getSpokenTexts()).isEmpty(); // dropped, High still playing
    tts("high by mode 1", ",\"InterruptMode\":1");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getInterrupted).containsExactly(true);
  }

  @Test
  void interruptStopsSpeechAndClearsQueue() {
    long r = tts("0123456789", "");
    tts("queued", ",\"SamePriorityOption\":\"Enqueue\"");
    server.advanceClock(Duration.ofMillis(30));
    long interrupted = api.ok("InterruptAgentInstance", Bodies.id(id)).path("Round").asLong();
    assertThat(interrupted).isEqualTo(r);
    assertThat(status()).isEqualTo("IDLE");
    assertThat(server.instance(id).getQueued()).isZero();
    assertThat(events("Interrupted")).containsExactly("{\"Round\":" + r + ",\"Reason\":4,\"PlayedText\":\"012\"}");
  }

  @Test
  void interruptWhileThinkingSendsNoLlmResult() {
    llm("q", "");
    server.advanceClock(Duration.ofMillis(100));
    api.ok("InterruptAgentInstance", Bodies.id(id));
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(events("LLMResult")).isEmpty();
    assertThat(server.instance(id).getSpokenTexts()).isEmpty();
  }

  @Test
  void disabledTtsRefusesTts() {
    String i = api.ok("CreateAgentInstance", Bodies.instance("a", "2", ",\"AdvancedConfig\":{\"DisableTTS\":true}"))
        .path("AgentInstanceId").asText();
    assertThat(api.fails("SendAgentInstanceTTS", Bodies.tts(i, "x", ""), Codes.TRIGGER_TTS_FAILED)).contains("DisableTTS");
  }

  @Test
  void gracefulShutdownWaitsForIdleAndRefusesControl() {
    tts("0123456789", "");
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"GracefulShutdown\":true}");
    assertThat(server.instance(id).getShuttingDown()).isTrue();
    for (String action : List.of("SendAgentInstanceTTS", "SendAgentInstanceLLM", "InterruptAgentInstance", "UpdateAgentInstance")) {
      String body = action.startsWith("Send") ? Bodies.tts(id, "x", "") : Bodies.id(id);
      assertThat(api.fails(action, body, Codes.INSTANCE_SHUTTING_DOWN)).contains("shutting down");
    }
    assertThat(status()).isEqualTo("SPEAKING"); // read-only query still works
    server.advanceClock(Duration.ofMillis(100));
    assertThat(TestServers.runs(server, id)).isFalse();
    api.fails("QueryAgentInstanceStatus", Bodies.id(id), Codes.INSTANCE_NOT_FOUND);
  }

  @Test
  void gracefulShutdownTimeout() {
    tts("x".repeat(300), ""); // 3 s of speech
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"GracefulShutdown\":true,\"GracefulShutdownTimeout\":1}");
    server.advanceClock(Duration.ofMillis(999));
    assertThat(TestServers.runs(server, id)).isTrue();
    server.advanceClock(Duration.ofMillis(1));
    assertThat(TestServers.runs(server, id)).isFalse();
  }

  @Test
  void gracefulDeleteOfIdleInstanceIsImmediate() {
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"GracefulShutdown\":true}");
    assertThat(TestServers.runs(server, id)).isFalse();
  }
}
