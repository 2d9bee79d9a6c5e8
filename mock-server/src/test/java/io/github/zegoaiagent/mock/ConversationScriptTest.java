package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole scripted call on the mock clock: five user turns answered by a real local LLM
 * endpoint, one of them interrupting the agent, then the user leaves and MaxIdleTime deletes the
 * instance. Every callback is checked, in order, with its Round (reference §6.8: one Round per
 * user turn, assigned when speech begins; Sequence orders all events).
 */
class ConversationScriptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int PER_CHAR = 10;
  static final int THINK = 500;
  static LocalLlmServer llm;
  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void start() {
    llm = LocalLlmServer.start();
    server = MockServer.start(TestServers.config().speechPerCharacter(Duration.ofMillis(PER_CHAR))
        .llmThinkTime(Duration.ofMillis(THINK))
        .llmForward(true).llmTimeout(Duration.ofSeconds(5)).build());
    api = new RawApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    llm.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
    llm.clear();
  }

  String instance(String advanced) {
    api.ok("RegisterAgent", "{\"AgentId\":\"a\",\"Name\":\"A\",\"LLM\":{\"Url\":\"" + llm.url()
        + "\",\"ApiKey\":\"k\",\"Model\":\"m\",\"SystemPrompt\":\"Be kind.\"},\"TTS\":" + Bodies.TTS + "}");
    return api.ok("CreateAgentInstance", Bodies.instance("a", "1", ",\"CallbackConfig\":{\"ASRResult\":1,"
        + "\"LLMResult\":1,\"Interrupted\":1,\"UserSpeakAction\":1,\"AgentInstanceStatus\":1}"
        + ",\"MessageHistory\":{\"SyncMode\":1,\"WindowSize\":4}"
        + ",\"AdvancedConfig\":{" + advanced + "}")).path("AgentInstanceId").asText();
  }

  /** Events after creation as "Event {Data}", in Sequence order (checked increasing). */
  List<String> callbacks() {
    List<JsonNode> all = server.callbacks().getEvents();
    long last = Long.MIN_VALUE;
    List<String> out = new ArrayList<>();
    for (JsonNode e : all) {
      long seq = e.path("Sequence").longValue();
      assertThat(seq).as("Sequence orders all events").isGreaterThan(last);
      last = seq;
      if (!e.path("Event").asText().equals("AgentInstanceCreated")) {
        out.add(e.path("Event").asText() + " " + normal(e.path("Data")));
      }
    }
    return out;
  }

  /** Data as plain JSON numbers (the recorded event may hold BigDecimals, e.g. 2E+1). */
  static JsonNode normal(JsonNode data) {
    try {
      return JSON.readTree(data.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode msg(String role, String content) {
    return JSON.createObjectNode().put("role", role).put("content", content);
  }

  static String user(String action, long r) {
    return "UserSpeakAction {\"UserId\":\"user_1\",\"Action\":\"" + action + "\",\"Round\":" + r + "}";
  }

  static String status(String s, long r) {
    return "AgentInstanceStatus {\"Status\":\"" + s + "\",\"Round\":" + r + "}";
  }

  static String asr(String text, long r) {
    return "ASRResult {\"UserId\":\"user_1\",\"Round\":" + r + ",\"Text\":\"" + text + "\"}";
  }

  static String llmResult(String text, long r) {
    return "LLMResult {\"Round\":" + r + ",\"Text\":\"" + text + "\"}";
  }

  /** The callbacks of one uninterrupted turn: speech, recognition, thinking, every sentence. */
  static List<String> turn(long r, String heard, String... sentences) {
    List<String> out = new ArrayList<>(List.of(user("SPEAK_BEGIN", r), status("LISTENING", r),
        user("SPEAK_END", r), asr(heard, r), status("THINKING", r), llmResult(sentences[0], r),
        status("SPEAKING", r)));
    for (int i = 1; i < sentences.length; i++) {
      out.add(llmResult(sentences[i], r));
    }
    out.add(status("IDLE", r));
    return out;
  }

  @Test
  void fiveTurnsOneInterruptionAndAnIdleTimeout() {
    String id = instance("\"MaxIdleTime\":10");
    llm.answers("Hi. How can I help?", "It is sunny today.",
        "Long answer one. Long answer two. Long answer three.", "Sure, I stop.", "Goodbye!");
    // Turn 3's answer starts at 4500 + THINK = 5000; its second sentence 17 characters later
    // (5170), its third at 5340; the user cuts in at 5250.
    ConversationScript script = ConversationScript.builder()
        .speak(Duration.ZERO, "Hello", Duration.ofMillis(300))
        .speak(Duration.ofMillis(2000), "Weather?", Duration.ofMillis(400))
        .speak(Duration.ofMillis(4000), "Tell me more", Duration.ofMillis(500))
        .speak(Duration.ofMillis(5250), "Stop please", Duration.ofMillis(300))
        .speak(Duration.ofMillis(8000), "Bye", Duration.ofMillis(200))
        .leave(Duration.ofMillis(9000))
        .endAt(Duration.ofMillis(9000 + 10_000))
        .build();
    long t0 = server.clock().millis();
    server.runScript(id, script);
    assertThat(server.clock().millis() - t0).isEqualTo(19_000);

    List<String> expected = new ArrayList<>();
    expected.addAll(turn(1, "Hello", "Hi.", "How can I help?"));
    expected.addAll(turn(2, "Weather?", "It is sunny today."));
    expected.addAll(List.of(user("SPEAK_BEGIN", 3), status("LISTENING", 3), user("SPEAK_END", 3),
        asr("Tell me more", 3), status("THINKING", 3), llmResult("Long answer one.", 3),
        status("SPEAKING", 3), llmResult("Long answer two.", 3),
        // 250 ms of speech at 10 ms per character were played; sentence three never started
        "Interrupted {\"Round\":3,\"Reason\":1,\"PlayedText\":\"Long answer one. Long ans\"}"));
    expected.addAll(turn(4, "Stop please", "Sure, I stop."));
    expected.addAll(turn(5, "Bye", "Goodbye!"));
    expected.add("Exception {\"Code\":1202,\"Message\":\"user user_1 absent longer than MaxIdleTime (10 s)\",\"Round\":5}");
    expected.add("AgentInstanceDeleted {\"Code\":1202,\"DeletedTimestamp\":" + (t0 + 19_000)
        + ",\"LatencyData\":{\"LLMTTFT\":500,\"LLMTPS\":20.0,\"TTSAudioFirstFrameTime\":0,\"TotalCost\":500}}");
    assertThat(callbacks()).containsExactlyElementsOf(expected);
    assertThat(TestServers.runs(server, id)).isFalse();

    // Each turn asked the LLM with the context so far (questions and answers are stored).
    List<LocalLlmServer.Received> got = llm.received();
    assertThat(got).hasSize(5);
    // WindowSize 4: the last four context messages before the question, which comes last.
    assertThat(got.get(4).body().path("messages")).containsExactly(msg("system", "Be kind."),
        msg("user", "Tell me more"), msg("assistant", "Long answer one. Long answer two. Long answer three."),
        msg("user", "Stop please"), msg("assistant", "Sure, I stop."), msg("user", "Bye"));
    assertThat(got.stream().map(r -> r.body().at("/messages").get(r.body().at("/messages").size() - 1)
        .path("content").asText()).collect(Collectors.toList()))
        .containsExactly("Hello", "Weather?", "Tell me more", "Stop please", "Bye");
  }

  @Test
  void theSameScriptRunsTheSameWayTwice() {
    List<List<String>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      reset();
      String id = instance("");
      llm.answers("One. Two.");
      server.runScript(id, ConversationScript.parse("{\"events\":[{\"at\":0,\"type\":\"speak\",\"text\":\"a\",\"durationMillis\":100},"
          + "{\"at\":600,\"type\":\"speak\",\"text\":\"b\",\"durationMillis\":100}],\"endAt\":3000}"));
      runs.add(callbacks().stream().map(s -> s.replaceAll("\"Round\":\\d+", "R")).collect(Collectors.toList()));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(0)).contains("Interrupted {R,\"Reason\":1,\"PlayedText\":\"\"}");
  }

  @Test
  void interruptModeOneLetsTheAgentFinish() {
    String id = instance("\"InterruptMode\":1");
    llm.answers("A fairly long answer here.", "Second answer.");
    server.runScript(id, ConversationScript.builder()
        .speak(Duration.ZERO, "First", Duration.ofMillis(100))
        .speak(Duration.ofMillis(650), "Not heard", Duration.ofMillis(100)) // agent speaks 600..860
        .speak(Duration.ofMillis(1000), "Heard", Duration.ofMillis(100))
        .endAt(Duration.ofSeconds(3)).build());
    List<String> expected = new ArrayList<>(turn(1, "First", "A fairly long answer here."));
    expected.addAll(turn(2, "Heard", "Second answer."));
    assertThat(callbacks()).containsExactlyElementsOf(expected);
    assertThat(llm.received()).hasSize(2);
    assertThat(server.instance(id).getContext()).contains(new ContextMessage().role("user").content("Heard"))
        .doesNotContain(new ContextMessage().role("user").content("Not heard"));
  }

  @Test
  void leavingAndComingBackBeforeMaxIdleTimeKeepsTheInstance() {
    String id = instance("\"MaxIdleTime\":10");
    server.runScript(id, ConversationScript.builder().leave(Duration.ZERO).join(Duration.ofSeconds(9))
        .endAt(Duration.ofSeconds(30)).build());
    assertThat(TestServers.runs(server, id)).isTrue();
    assertThat(callbacks()).isEmpty();
  }

  @Test
  void jsonAndYamlAndTheBuilderAreTheSameScript() {
    ConversationScript built = ConversationScript.builder()
        .speak(Duration.ofMillis(100), "Hi there", Duration.ofMillis(800), "guest")
        .leave(Duration.ofSeconds(2)).join(Duration.ofSeconds(3)).endAt(Duration.ofSeconds(5)).build();
    ConversationScript json = ConversationScript.parse("{\"events\":["
        + "{\"at\":3000,\"type\":\"join\"},{\"at\":2000,\"type\":\"leave\"},"
        + "{\"at\":100,\"type\":\"speak\",\"text\":\"Hi there\",\"durationMillis\":800,\"userId\":\"guest\"}],"
        + "\"endAt\":5000}");
    ConversationScript yaml = ConversationScript.parse(String.join("\n",
        "events:",
        "  - {at: 100, type: speak, text: Hi there, durationMillis: 800, userId: guest}",
        "  - {at: 2000, type: leave}",
        "  - {at: 3000, type: join}",
        "endAt: 5000"));
    assertThat(json).isEqualTo(built);
    assertThat(yaml).isEqualTo(built);
  }

  @Test
  void badScriptsAreRefusedWithTheirPlace() {
    assertThatThrownBy(() -> ConversationScript.parse("{\"events\":[{\"at\":0,\"type\":\"shout\"}]}"))
        .hasMessageContaining("events[0]").hasMessageContaining("speak, leave, join");
    assertThatThrownBy(() -> ConversationScript.parse("{\"events\":[{\"at\":0,\"type\":\"speak\",\"text\":\"x\",\"durationMillis\":100,\"txt\":1}]}"))
        .hasMessageContaining("events[0]").hasMessageContaining("unknown field \"txt\"");
    assertThatThrownBy(() -> ConversationScript.parse("{\"events\":[{\"at\":-1,\"type\":\"leave\"}]}"))
        .hasMessageContaining("events[0].at");
    assertThatThrownBy(() -> ConversationScript.parse("{\"events\":[{\"at\":0,\"type\":\"speak\",\"durationMillis\":100}]}"))
        .hasMessageContaining("events[0].text");
    assertThatThrownBy(() -> ConversationScript.builder().speak(Duration.ZERO, "a", Duration.ofSeconds(1))
        .speak(Duration.ofMillis(500), "b", Duration.ofSeconds(1)).build()).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> ConversationScript.parse("events: [")).hasMessageContaining("neither valid JSON nor YAML");
  }

  @Test
  void walkieTalkieInstancesRefuseScriptedSpeech() {
    String id = instance("\"CommunicationMode\":2");
    assertThatThrownBy(() -> server.loadScript(id, ConversationScript.builder()
        .speak(Duration.ZERO, "x", Duration.ofMillis(10)).build()))
        .isInstanceOfSatisfying(io.github.zegoaiagent.mock.control.MockControlException.class,
            e -> assertThat(e.status()).isEqualTo(400)).hasMessageContaining("StartListening");
  }
}
