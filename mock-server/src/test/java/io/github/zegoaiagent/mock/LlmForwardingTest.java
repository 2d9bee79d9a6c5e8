package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM forwarding against a real local SSE endpoint ({@link LocalLlmServer}): the exact request of
 * reference §6.11 (messages per §6.5, window, system-prompt override, agent_info, credential),
 * speech and one LLMResult per sentence on the mock clock, the context, and the contract's
 * Exception events for every failure. Forwarding off sends nothing.
 */
class LlmForwardingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "sk-local-secret-4711";
  static final JsonNode CONTRACT = Contract.load().root();
  static LocalLlmServer llm;
  static MockServer server;
  static RawApi api;
  String id;

  @BeforeAll
  static void start() {
    llm = LocalLlmServer.start();
    server = MockServer.start(TestServers.config().speechPerCharacter(Duration.ofMillis(10))
        .llmThinkTime(Duration.ofMillis(500))
        .llmForward(true).llmTimeout(Duration.ofSeconds(2)).build());
    api = new RawApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    llm.close();
  }

  static String llmConfig(String extra) {
    return "{\"Url\":\"" + llm.url() + "\",\"ApiKey\":\"" + KEY + "\",\"Model\":\"local-model\","
        + "\"SystemPrompt\":\"Be brief.\",\"Temperature\":0.3,\"Params\":{\"max_tokens\":64}" + extra + "}";
  }

  @BeforeEach
  void setUp() {
    server.reset();
    llm.clear();
    llm.answers("It is sunny. Take a hat!");
    api.ok("RegisterAgent", "{\"AgentId\":\"a\",\"Name\":\"A\",\"LLM\":" + llmConfig("") + ",\"TTS\":" + Bodies.TTS + "}");
    // The instance's LLM overrides the agent's: agent_info and agent_extra_info only here.
    id = api.ok("CreateAgentInstance", Bodies.instance("a", "1", ",\"LLM\":" + llmConfig(
        ",\"AddAgentInfo\":true,\"AgentExtraInfo\":{\"tenant\":\"t1\",\"tier\":2}")
        + ",\"MessageHistory\":{\"SyncMode\":1,\"WindowSize\":2,\"Messages\":["
        + "{\"Role\":\"user\",\"Content\":\"m1\"},{\"Role\":\"assistant\",\"Content\":\"m2\"},"
        + "{\"Role\":\"user\",\"Content\":\"m3\"}]}"
        + ",\"CallbackConfig\":{\"AgentInstanceStatus\":1,\"LLMResult\":1,\"Interrupted\":1}"))
        .path("AgentInstanceId").asText();
  }

  long send(String text, String extra) {
    return api.ok("SendAgentInstanceLLM", Bodies.llm(id, text, extra)).path("Round").asLong();
  }

  List<JsonNode> events(String... names) {
    List<String> n = List.of(names);
    return server.callbacks().getEvents().stream().filter(e -> n.contains(e.path("Event").asText()))
        .map(e -> JSON.createObjectNode().put("Event", e.path("Event").asText())
            .<JsonNode>set("Data", ConversationScriptTest.normal(e.path("Data"))))
        .collect(Collectors.toList());
  }

  static JsonNode event(String name, String data) throws Exception {
    return JSON.createObjectNode().put("Event", name).set("Data", JSON.readTree(data));
  }

  static ObjectNode msg(String role, String content) {
    return JSON.createObjectNode().put("role", role).put("content", content);
  }

  @Test
  void sendsTheDocumentedRequestSpeaksSentenceBySentenceAndRemembers() throws Exception {
    long round = send("What's the weather?", ",\"SystemPrompt\":\"Temporary prompt.\"");
    long sentAt = server.clock().millis();
    server.advanceClock(Duration.ZERO); // the answer arrives; the clock has not moved
    assertThat(llm.received()).hasSize(1);
    LocalLlmServer.Received r = llm.received().get(0);

    ObjectNode expected = JSON.createObjectNode();
    expected.put("max_tokens", 64);
    expected.put("model", "local-model");
    expected.put("temperature", 0.3);
    expected.set("top_p", CONTRACT.at("/components/schemas/LLM/properties/TopP/default")); // not configured
    ArrayNode m = expected.putArray("messages");
    m.add(msg("system", "Temporary prompt.")); // the call's prompt replaces "Be brief."
    m.add(msg("assistant", "m2")).add(msg("user", "m3")); // WindowSize 2: the last two
    m.add(msg("user", "What's the weather?"));
    expected.put("stream", true);
    expected.putObject("agent_info").put("room_id", "room_1").put("agent_instance_id", id)
        .put("agent_user_id", "au_1").put("user_id", "user_1").put("round_id", round)
        .put("time_stamp", sentAt);
    expected.putObject("agent_extra_info").put("tenant", "t1").put("tier", 2);
    assertThat(r.body()).isEqualTo(JSON.readTree(expected.toString())); // same number types
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(CONTRACT.path("x-zego-custom-llm").path("request")).validate(r.body()))
        .as("the request matches the contract's x-zego-custom-llm.request").isEmpty();

    // Thinking lasts the configured time, then the answer plays sentence by sentence.
    assertThat(server.instance(id).getStatus()).isEqualTo("THINKING");
    server.advanceClock(Duration.ofMillis(499));
    assertThat(events("LLMResult")).isEmpty();
    server.advanceClock(Duration.ofMillis(1));
    assertThat(events("LLMResult")).containsExactly(event("LLMResult", "{\"Round\":" + round + ",\"Text\":\"It is sunny.\"}"));
    server.advanceClock(Duration.ofMillis("It is sunny. ".length() * 10 - 1));
    assertThat(events("LLMResult")).hasSize(1);
    server.advanceClock(Duration.ofMillis(1));
    assertThat(events("LLMResult", "AgentInstanceStatus")).containsExactly(
        event("AgentInstanceStatus", "{\"Status\":\"THINKING\",\"Round\":" + round + "}"),
        event("LLMResult", "{\"Round\":" + round + ",\"Text\":\"It is sunny.\"}"),
        event("AgentInstanceStatus", "{\"Status\":\"SPEAKING\",\"Round\":" + round + "}"),
        event("LLMResult", "{\"Round\":" + round + ",\"Text\":\"Take a hat!\"}"));
    server.advanceClock(Duration.ofSeconds(1));
    assertThat(server.instance(id).getStatus()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText)
        .containsExactly("It is sunny. Take a hat!");
    // AddQuestionToHistory defaults to false, AddAnswerToHistory to true (contract defaults).
    assertThat(server.instance(id).getContext()).containsExactly(new ContextMessage().role("user").content("m1"),
        new ContextMessage().role("assistant").content("m2"), new ContextMessage().role("user").content("m3"),
        new ContextMessage().role("assistant").content("It is sunny. Take a hat!"));
  }

  @Test
  void configuredPromptAndTheWindowMoveWithTheContext() throws Exception {
    llm.answers("First.", "Second.");
    send("q1", ",\"AddQuestionToHistory\":true");
    server.advanceClock(Duration.ofSeconds(2));
    send("q2", ",\"AddAnswerToHistory\":false");
    server.advanceClock(Duration.ofSeconds(2));
    List<LocalLlmServer.Received> got = llm.received();
    assertThat(got).hasSize(2);
    // The question joins the context but is sent once, last; the window is taken before it.
    assertThat(got.get(0).body().path("messages")).containsExactly(msg("system", "Be brief."),
        msg("assistant", "m2"), msg("user", "m3"), msg("user", "q1"));
    assertThat(got.get(1).body().path("messages")).containsExactly(msg("system", "Be brief."),
        msg("user", "q1"), msg("assistant", "First."), msg("user", "q2"));
    assertThat(server.instance(id).getContext()).extracting(ContextMessage::getContent)
        .containsExactly("m1", "m2", "m3", "q1", "First.");
  }

  @Test
  void theAgentsLlmServesWhenTheInstanceHasNoneAndAgentInfoIsOptIn() {
    String plain = api.ok("CreateAgentInstance", Bodies.instance("a", "2")).path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceLLM", Bodies.llm(plain, "hi", ""));
    server.advanceClock(Duration.ZERO);
    JsonNode body = llm.received().get(0).body();
    assertThat(body.has("agent_info")).isFalse();
    assertThat(body.has("agent_extra_info")).isFalse();
    assertThat(body.path("messages").get(0)).isEqualTo(msg("system", "Be brief."));
    assertThat(body.path("messages")).hasSize(2); // WindowSize default, empty context
  }

  /** The Exception code the contract gives a failure, checked against the code's meaning. */
  static int code(String pointer, String meaning) {
    int c = CONTRACT.at("/x-zego-custom-llm/failures" + pointer).intValue();
    assertThat(CONTRACT.at("/components/schemas/ExceptionEventData/x-zego-exception-codes/" + c).asText())
        .containsIgnoringCase(meaning);
    return c;
  }

  void assertFailure(int code, String messagePart) throws Exception {
    long round = send("q", "");
    server.advanceClock(Duration.ofSeconds(5));
    List<JsonNode> ex = events("Exception");
    assertThat(ex).hasSize(1);
    assertThat(ex.get(0).at("/Data/Code").intValue()).isEqualTo(code);
    assertThat(ex.get(0).at("/Data/Round").longValue()).isEqualTo(round);
    assertThat(ex.get(0).at("/Data/Message").asText()).contains(messagePart).doesNotContain(KEY);
    assertThat(events("LLMResult")).isEmpty();
    assertThat(server.instance(id).getStatus()).isEqualTo("IDLE");
    assertThat(server.instance(id).getSpokenTexts()).isEmpty();
    assertThat(server.callbacks().toString()).doesNotContain(KEY);
  }

  @Test
  void httpErrorsRaiseTheirExceptionCodes() throws Exception {
    int[][] cases = {{401, code("/byHttpStatus/401", "authentication")},
        {400, code("/byHttpStatus/400", "parameter")}, {429, code("/byHttpStatus/429", "concurrency")},
        {402, code("/byHttpStatus/402", "arrears")}, {500, code("/general", "LLM general")}};
    for (int[] c : cases) {
      setUp();
      llm.failWith(c[0]);
      assertFailure(c[1], "HTTP " + c[0]);
    }
  }

  @Test
  void malformedStreamsRaiseTheGeneralError() throws Exception {
    int general = code("/general", "LLM general");
    Object[][] cases = {{LocalLlmServer.Mode.MALFORMED, "not JSON"}, {LocalLlmServer.Mode.NO_DONE, "[DONE]"},
        {LocalLlmServer.Mode.EMPTY, "empty answer"}, {LocalLlmServer.Mode.HUGE_LINE, "longer than"}};
    for (Object[] c : cases) {
      setUp();
      llm.mode((LocalLlmServer.Mode) c[0]);
      assertFailure(general, (String) c[1]);
    }
  }

  @Test
  void aStalledStreamEndsAtTheDeadline() throws Exception {
    llm.mode(LocalLlmServer.Mode.HANG);
    long t0 = System.nanoTime();
    assertFailure(code("/general", "LLM general"), "within 2000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aCredentialThatCannotGoIntoAHeaderEndsTheTurnWithTheDocumentedException() throws Exception {
    // RegisterAgent and UpdateAgentInstance accept any string (the contract sets no pattern); the
    // forwarded turn cannot send it: before, java.net.http threw and the call answered 410000001.
    for (String bad : new String[] {"sk-a\\r\\nX-Injected: 1", "sk\\u0000nul", "sk with space", "sk-é"}) {
      setUp();
      api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"LLM\":{\"Url\":\"" + llm.url()
          + "\",\"ApiKey\":\"" + bad + "\",\"Model\":\"m\"}}");
      assertFailure(code("/invalidConfiguration", "parameter"), "Authorization header");
      assertThat(llm.received()).as("nothing sent for %s", bad).isEmpty();
    }
  }

  @Test
  void anInvalidUrlIsAParameterError() throws Exception {
    api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"LLM\":{\"Url\":\"ftp://x/y\",\"ApiKey\":\"" + KEY + "\",\"Model\":\"m\"}}");
    assertFailure(code("/invalidConfiguration", "parameter"), "http");
    assertThat(llm.received()).isEmpty();
  }

  @Test
  void anInterruptedTurnSendsNoLlmResult() {
    llm.mode(LocalLlmServer.Mode.HANG);
    long round = send("q", "");
    api.ok("InterruptAgentInstance", Bodies.id(id));
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(events("LLMResult")).isEmpty();
    assertThat(events("Exception")).isEmpty(); // the late failure belongs to a round that ended
    assertThat(events("Interrupted")).extracting(e -> e.at("/Data/Round").longValue()).containsExactly(round);
  }

  @Test
  void theStreamIsReadTolerantlyAsSse() {
    // CRLF line ends, no space after "data:", comments, event/id fields, the stop in a chunk of
    // its own with an empty delta, a multi-line event, and data after [DONE] (ignored).
    String stop = "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
    llm.raw(": keep-alive\r\n\r\nevent: message\r\nid: 1\r\ndata:" + LocalLlmServer.chunkOf("Hel", null)
        + "\r\n\r\ndata: " + LocalLlmServer.chunkOf("lo. Bye", null) + "\n\n"
        + "data: {\"choices\":[{\"index\":0,\n" + "data: \"delta\":{\"content\":\"!\"}}]}\n\n"
        + "data: " + stop + "\n\ndata: [DONE]\n\ndata: " + LocalLlmServer.chunkOf("ignored", null) + "\n\n");
    send("q", "");
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(events("Exception")).isEmpty();
    assertThat(events("LLMResult")).extracting(e -> e.at("/Data/Text").asText()).containsExactly("Hello.", "Bye!");
  }

  @Test
  void walkieTalkieTurnsAreForwardedToo() {
    String wt = api.ok("CreateAgentInstance", Bodies.instance("a", "3", ",\"AdvancedConfig\":{\"CommunicationMode\":2}"))
        .path("AgentInstanceId").asText();
    server.simulateUser(wt, new io.github.zegoaiagent.mock.control.model.UserSimulation().utterance("Over."));
    api.ok("StartListening", Bodies.id(wt));
    long round = api.ok("StopListening", Bodies.id(wt)).path("Round").asLong();
    server.advanceClock(Duration.ofSeconds(5));
    JsonNode body = llm.received().get(0).body();
    JsonNode m = body.path("messages");
    assertThat(m.get(m.size() - 1)).isEqualTo(msg("user", "Over."));
    assertThat(server.instance(wt).getSpokenTexts()).extracting(SpokenText::getRound, SpokenText::getText)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(round, "It is sunny. Take a hat!"));
  }

  @Test
  void paramsPassThroughButCannotReplaceTheDocumentedFields() {
    api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"LLM\":{\"Url\":\"" + llm.url()
        + "\",\"ApiKey\":\"" + KEY + "\",\"Model\":\"m\",\"Params\":{\"max_tokens\":9,\"presence_penalty\":0.5,"
        + "\"stream\":false,\"messages\":[],\"model\":\"other\",\"agent_info\":{\"room_id\":\"forged\"}}}}");
    send("q", "");
    server.advanceClock(Duration.ZERO);
    JsonNode body = llm.received().get(0).body();
    assertThat(body.path("max_tokens").intValue()).isEqualTo(9);
    assertThat(body.path("presence_penalty").doubleValue()).isEqualTo(0.5);
    assertThat(body.path("stream").booleanValue()).isTrue();
    assertThat(body.path("model").asText()).isEqualTo("m");
    assertThat(body.path("messages")).containsExactly(msg("assistant", "m2"), msg("user", "m3"), msg("user", "q"));
    assertThat(body.has("agent_info")).as("AddAgentInfo is not set in the new LLM").isFalse();
  }

  @Test
  void anOpenAiResponsesLlmIsAnsweredByTheSimulatedReply() {
    api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"LLM\":{\"Vendor\":\"OpenAIResponses\",\"Url\":\""
        + llm.url() + "\",\"ApiKey\":\"" + KEY + "\",\"Model\":\"m\"}}");
    send("hi", "");
    server.advanceClock(Duration.ofSeconds(5));
    assertThat(llm.received()).isEmpty();
    assertThat(server.instance(id).getSpokenTexts()).extracting(SpokenText::getText).containsExactly("You said: hi");
  }

  @Test
  void secretsStayOutOfJournalCallbacksAndSnapshots() {
    send("q", "");
    server.advanceClock(Duration.ofSeconds(3));
    assertThat(llm.received()).hasSize(1);
    assertThat(server.journal().toString()).doesNotContain(KEY);
    assertThat(server.callbacks().toString()).doesNotContain(KEY);
    assertThat(server.instances().toString()).doesNotContain(KEY);
  }

  @Test
  void forwardingOffSendsNothingAnywhere() {
    try (MockServer off = MockServer.start(TestServers.config().build())) {
      RawApi a = new RawApi(off);
      a.ok("RegisterAgent", "{\"AgentId\":\"a\",\"Name\":\"A\",\"LLM\":" + llmConfig("") + ",\"TTS\":" + Bodies.TTS + "}");
      String i = a.ok("CreateAgentInstance", Bodies.instance("a", "9")).path("AgentInstanceId").asText();
      a.ok("SendAgentInstanceLLM", Bodies.llm(i, "hi", ""));
      off.advanceClock(Duration.ofSeconds(5));
      assertThat(off.config().llmForward().enabled()).isFalse();
      assertThat(off.llmRequestsSent()).isZero();
      assertThat(llm.received()).isEmpty();
      assertThat(off.instance(i).getSpokenTexts()).extracting(SpokenText::getText).containsExactly("You said: hi");
    }
  }

  @Test
  void aHostOffTheAllowListIsNeverCalled() throws Exception {
    try (MockServer narrow = MockServer.start(TestServers.config().llmForward(true)
        .llmAllowHosts(List.of("llm.example")).build())) {
      RawApi a = new RawApi(narrow);
      a.ok("RegisterAgent", "{\"AgentId\":\"a\",\"Name\":\"A\",\"LLM\":" + llmConfig("") + ",\"TTS\":" + Bodies.TTS + "}");
      String i = a.ok("CreateAgentInstance", Bodies.instance("a", "8", ",\"CallbackConfig\":{\"LLMResult\":1}"))
          .path("AgentInstanceId").asText();
      a.ok("SendAgentInstanceLLM", Bodies.llm(i, "hi", ""));
      narrow.advanceClock(Duration.ofSeconds(5));
      assertThat(llm.received()).isEmpty();
      assertThat(narrow.llmRequestsSent()).isZero();
      List<JsonNode> ex = narrow.callbacks().getEvents().stream().filter(e -> e.path("Event").asText().equals("Exception"))
          .collect(Collectors.toList());
      assertThat(ex).hasSize(1);
      assertThat(ex.get(0).at("/Data/Code").intValue()).isEqualTo(code("/general", "LLM general"));
      assertThat(ex.get(0).at("/Data/Message").asText()).contains("allow-list");
    }
  }
}
