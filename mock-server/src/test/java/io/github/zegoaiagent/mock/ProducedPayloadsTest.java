package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.internal.callback.CallbackEvents;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything the mock produces conforms to the contract: every answer of all 19 actions (success
 * and refusals: {@link RawApi} checks each with {@link ContractSchemas}) and every callback it
 * delivers, in flows that produce every event the simulation knows (all CallbackConfig switches
 * on: speech, interruption, walkie-talkie turns, kick-out, failed publish, MaxIdleTime, live
 * digital human).
 */
class ProducedPayloadsTest {
  /** Events of the contract the simulation does not produce (no audio, no agent speech marks, no meta info). */
  static final Set<String> NOT_SIMULATED = Set.of("AgentSpeakAction", "UserAudioData", "AgentInstanceMetaInfo");
  static final String ALL_SWITCHES = ",\"CallbackConfig\":{\"ASRResult\":1,\"LLMResult\":1,\"Interrupted\":1,"
      + "\"UserSpeakAction\":1,\"AgentInstanceStatus\":1,\"UserAudioData\":1}";

  HttpServer receiver;
  final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
  final List<String> deliveredText = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/cb", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      deliveredText.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      delivered.add(RawApi.JSON.readTree(body));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void everyAnswerAndEveryDeliveredCallbackMatchesItsSchema() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb");
    try (MockServer server = MockServer.start(TestServers.config().callbackUrl(url)
        .callbackSecret(CallbackTest.CALLBACK_SECRET).build())) {
      RawApi api = new RawApi(server);
      assertThat(AllActions.run(api)).containsExactlyInAnyOrderElementsOf(ActionHandler.table().keySet());
      callbackFlows(server, api);
      refusals(api);
      CallbackTest.await("every event delivered", () -> server.callbacks().getPending() == 0
          && delivered.size() == server.callbacks().getDelivered() && server.callbacks().getDelivered() > 0);

      Set<String> seen = new TreeSet<>();
      List<String> broken = new ArrayList<>();
      for (JsonNode e : delivered) {
        seen.add(e.path("Event").asText());
        ContractSchemas.callbackViolations(e).forEach(v -> broken.add(e.path("Event").asText() + ": " + v + " in " + e));
      }
      assertThat(broken).as("delivered callbacks that break the contract").isEmpty();
      Set<String> simulated = new TreeSet<>(CallbackEvents.all().values());
      simulated.removeAll(NOT_SIMULATED);
      assertThat(seen).as("the flows produced every simulated event").containsExactlyInAnyOrderElementsOf(simulated);
      assertThat(server.callbacks().getDropped()).isZero();
      // Decimals go out as written, not normalised by the tree (LLMTPS 20.0, never 2E+1).
      assertThat(deliveredText).filteredOn(t -> t.contains("\"LLMTPS\""))
          .isNotEmpty().allMatch(t -> !t.matches("(?s).*\"LLMTPS\":[0-9.]*[eE].*"), "no exponent in LLMTPS");
    }
  }

  private static void callbackFlows(MockServer server, RawApi api) {
    api.ok("RegisterAgent", Bodies.agent("p"));
    // Speech: THINKING, LLMResult, SPEAKING, Interrupted by a TTS, IDLE.
    String voice = api.ok("CreateAgentInstance", Bodies.instance("p", "1", ALL_SWITCHES))
        .path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceLLM", Bodies.llm(voice, "Hello there", ""));
    server.advanceClock(Duration.ofSeconds(2));
    api.ok("SendAgentInstanceTTS", Bodies.tts(voice, "Sorry to interrupt", ",\"Priority\":\"High\""));
    server.advanceClock(Duration.ofSeconds(1));
    api.ok("InterruptAgentInstance", Bodies.id(voice));
    api.ok("QueryAgentInstanceStatus", Bodies.id(voice));
    // Walkie-talkie turn: UserSpeakAction BEGIN/END, ASRResult, LISTENING, the answer.
    String wt = api.ok("CreateAgentInstance", Bodies.instance("p", "2",
        ALL_SWITCHES + ",\"AdvancedConfig\":{\"CommunicationMode\":2}")).path("AgentInstanceId").asText();
    server.simulateUser(wt, new io.github.zegoaiagent.mock.control.model.UserSimulation().utterance("What is the weather?"));
    api.ok("StartListening", "{\"AgentInstanceId\":\"" + wt + "\",\"Sequence\":1}");
    api.ok("StopListening", "{\"AgentInstanceId\":\"" + wt + "\",\"Sequence\":2}");
    server.advanceClock(Duration.ofSeconds(30));
    api.ok("GetAgentInstanceMsgList", Bodies.id(wt));
    // Kicked out by a second login with the same AgentUserId: Exception 1203 + Deleted.
    api.ok("CreateAgentInstance", "{\"AgentId\":\"p\",\"UserId\":\"user_3\",\"RTC\":{\"RoomId\":\"room_3\","
        + "\"AgentStreamId\":\"as_3\",\"AgentUserId\":\"au_2\",\"UserStreamId\":\"us_3\"}}");
    // Stream already published: Exception 1206 + Deleted right away.
    api.ok("CreateAgentInstance", "{\"AgentId\":\"p\",\"UserId\":\"user_4\",\"RTC\":{\"RoomId\":\"room_4\","
        + "\"AgentStreamId\":\"as_1\",\"AgentUserId\":\"au_4\",\"UserStreamId\":\"us_4\"}}");
    // MaxIdleTime: Exception 1202 + Deleted.
    server.simulateUser(voice, new io.github.zegoaiagent.mock.control.model.UserSimulation().present(false));
    server.advanceClock(Duration.ofSeconds(1800));
    // Digital human and live digital human, graceful delete while speaking.
    String dh = api.ok("CreateDigitalHumanAgentInstance", Bodies.instance("p", "5", ALL_SWITCHES
        + ",\"DigitalHuman\":{\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\",\"ConfigId\":\"web\"}"))
        .path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceTTS", Bodies.tts(dh, "Hi from the avatar", ""));
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + dh + "\",\"GracefulShutdown\":true}");
    String live = api.ok("CreateLiveDigitalHumanAgentInstance", "{\"AgentId\":\"p\",\"RTC\":{\"RoomId\":\"room_6\","
        + "\"AgentStreamId\":\"as_6\",\"AgentUserId\":\"au_6\"},\"CallbackConfig\":{\"Interrupted\":1,\"AgentInstanceStatus\":1},"
        + "\"DigitalHuman\":{\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\"}}").path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceTTS", Bodies.tts(live, "Live one", ""));
    api.ok("SendAgentInstanceTTS", Bodies.tts(live, "Live two", ",\"Priority\":\"High\""));
    server.advanceClock(Duration.ofSeconds(60));
    api.ok("DeleteAgentInstance", Bodies.id(live));
  }

  /** Refusals are answers too: envelope without Data, per ResponseEnvelope. */
  private static void refusals(RawApi api) {
    api.fails("CreateAgentInstance", Bodies.instance("nobody", "9"), Codes.AGENT_NOT_FOUND);
    api.fails("QueryAgentInstanceStatus", Bodies.id("1234567890123456789"), Codes.INSTANCE_NOT_FOUND);
    api.fails("RegisterAgent", "{\"AgentId\":\"p\",\"Name\":\"again\"}", Codes.AGENT_ALREADY_EXISTS);
    api.fails("ListAgents", "{\"Limit\":\"ten\"}", Codes.INVALID_PARAMETER);
  }

  @Test
  void theCheckerRefusesBrokenPayloads() {
    JsonNode good = RawApi.JSON.createObjectNode().put("Code", 0).put("Message", "success").put("RequestId", "1")
        .set("Data", RawApi.JSON.createObjectNode().put("Status", "IDLE"));
    assertThat(ContractSchemas.answerViolations("QueryAgentInstanceStatus", good)).isEmpty();

    JsonNode badStatus = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) badStatus.get("Data")).put("Status", "BUSY");
    assertThat(ContractSchemas.answerViolations("QueryAgentInstanceStatus", badStatus)).isNotEmpty();

    JsonNode invented = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) invented.get("Data")).put("Mood", "happy");
    assertThat(ContractSchemas.answerViolations("QueryAgentInstanceStatus", invented))
        .containsExactly("Data.Mood: not described by the contract");

    JsonNode errorWithData = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) errorWithData).put("Code", 410001002);
    assertThat(ContractSchemas.answerViolations("QueryAgentInstanceStatus", errorWithData))
        .contains("Data: present on an error answer");

    String event = "{\"AppId\":1,\"Event\":\"Interrupted\",\"Nonce\":\"1\",\"Timestamp\":1,"
        + "\"Signature\":\"" + "a".repeat(40) + "\",\"AgentInstanceId\":\"1234567890123456789\","
        + "\"Sequence\":1,\"Data\":{\"Round\":1,\"Reason\":%s,\"PlayedText\":\"\"}}";
    assertThat(ContractSchemas.callbackViolations(read(String.format(event, "1")))).isEmpty();
    assertThat(ContractSchemas.callbackViolations(read(String.format(event, "9")))).as("Reason not in the enum").isNotEmpty();
    assertThat(ContractSchemas.callbackViolations(read(String.format(event, "1").replace("\"Nonce\":\"1\",", ""))))
        .as("unsigned event: Nonce is required").isNotEmpty();
    assertThat(ContractSchemas.callbackViolations(read(String.format(event, "1").replace("Interrupted", "Teleported"))))
        .as("unknown event").isNotEmpty();
  }

  @Test
  void instanceStatusIsTheContractsAgentStatus() {
    List<String> contract = new ArrayList<>();
    io.github.zegoaiagent.mock.internal.validate.Contract.load().root()
        .at("/components/schemas/AgentStatus/enum").forEach(v -> contract.add(v.asText()));
    assertThat(contract).as("AgentStatus in the contract").isNotEmpty();
    assertThat(java.util.Arrays.stream(io.github.zegoaiagent.mock.internal.state.InstanceStatus.values())
        .map(io.github.zegoaiagent.mock.internal.state.InstanceStatus::wireValue))
        .containsExactlyElementsOf(contract);
  }

  private static JsonNode read(String json) {
    try {
      return RawApi.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
