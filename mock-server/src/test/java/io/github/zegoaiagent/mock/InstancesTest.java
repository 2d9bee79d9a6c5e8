package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Instance lifecycle: create (three kinds), uniqueness, limits, update, delete, expiry. */
@ZegoMockTest(callbacks = false, configure = InstancesTest.Config.class)
class InstancesTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).maxConcurrentInstances(3)
          .maxConcurrentDigitalHumans(2);
    }
  }

  static MockServer server;
  static RawApi api;
  static final String DH = ",\"DigitalHuman\":{\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\",\"ConfigId\":\"web\"}";

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @BeforeEach
  void setUp() {
    api.ok("RegisterAgent", Bodies.agent("xiaozhi"));
  }

  static String create(String n) {
    return api.ok("CreateAgentInstance", Bodies.instance("xiaozhi", n)).path("AgentInstanceId").asText();
  }

  List<String> events(String event) {
    return server.callbacks().getEvents().stream().filter(e -> e.path("Event").asText().equals(event))
        .map(e -> e.path("AgentInstanceId").asText() + ":" + e.path("Data").path("Code").asText(""))
        .collect(Collectors.toList());
  }

  @Test
  void createReturnsNineteenDigitIdAndEmitsCreated() {
    String id = create("1");
    assertThat(id).matches("[0-9]{19}");
    assertThat(server.instance(id).getStatus()).isEqualTo("IDLE");
    assertThat(server.instance(id).getKind()).isEqualTo("VOICE");
    JsonNode created = server.callbacks().getEvents().get(0);
    assertThat(created.path("Event").asText()).isEqualTo("AgentInstanceCreated");
    assertThat(created.path("AgentId").asText()).isEqualTo("xiaozhi");
    assertThat(created.path("RoomId").asText()).isEqualTo("room_1");
    assertThat(created.path("Data").path("CreatedTimestamp").asLong()).isEqualTo(TestServers.START.toEpochMilli());
  }

  @Test
  void unregisteredAgent() {
    assertThat(api.fails("CreateAgentInstance", Bodies.instance("ghost", "1"), Codes.AGENT_NOT_FOUND))
        .contains("ghost");
    assertThat(server.instances()).isEmpty();
  }

  @Test
  void concurrencyLimit() {
    create("1");
    create("2");
    create("3");
    assertThat(api.fails("CreateAgentInstance", Bodies.instance("xiaozhi", "4"), Codes.INSTANCE_CONCURRENCY_LIMIT))
        .contains("3 instances");
    assertThat(server.instances()).hasSize(3);
  }

  @Test
  void defaultConcurrencyLimitComesFromTheSpec() {
    assertThat(MockServerConfig.builder().build().limits().maxConcurrentInstances()).isEqualTo(10);
    assertThat(MockServerConfig.builder().build().limits().enqueueMax()).isEqualTo(5);
    assertThat(MockServerConfig.builder().build().gateway().qpsLimit()).isEqualTo(10);
    assertThat(MockServerConfig.builder().build().gateway().timestampToleranceSeconds()).isEqualTo(600);
  }

  @Test
  void duplicateAgentUserIdKicksTheEarlierInstance() {
    String first = create("1");
    String body = "{\"AgentId\":\"xiaozhi\",\"UserId\":\"user_9\",\"RTC\":{\"RoomId\":\"room_9\","
        + "\"AgentStreamId\":\"as_9\",\"AgentUserId\":\"au_1\",\"UserStreamId\":\"us_9\"}}";
    String second = api.ok("CreateAgentInstance", body).path("AgentInstanceId").asText();
    assertThat(TestServers.runs(server, first)).isFalse();
    assertThat(TestServers.runs(server, second)).isTrue();
    assertThat(events("Exception")).containsExactly(first + ":1203");
    assertThat(events("AgentInstanceDeleted")).containsExactly(first + ":1203");
  }

  @Test
  void duplicateAgentStreamIdMakesTheLaterVoiceInstanceFail() {
    String first = create("1");
    String body = "{\"AgentId\":\"xiaozhi\",\"UserId\":\"user_9\",\"RTC\":{\"RoomId\":\"room_9\","
        + "\"AgentStreamId\":\"as_1\",\"AgentUserId\":\"au_9\",\"UserStreamId\":\"us_9\"}}";
    String second = api.ok("CreateAgentInstance", body).path("AgentInstanceId").asText();
    assertThat(TestServers.runs(server, first)).isTrue();
    assertThat(TestServers.runs(server, second)).isFalse();
    assertThat(events("AgentInstanceDeleted")).containsExactly(second + ":1206");
    api.fails("QueryAgentInstanceStatus", Bodies.id(second), Codes.INSTANCE_NOT_FOUND);
  }

  @Test
  void agentUserIdMustDifferFromUserId() {
    String body = "{\"AgentId\":\"xiaozhi\",\"UserId\":\"same\",\"RTC\":{\"RoomId\":\"r\","
        + "\"AgentStreamId\":\"s\",\"AgentUserId\":\"same\",\"UserStreamId\":\"u\"}}";
    assertThat(api.fails("CreateAgentInstance", body, Codes.INVALID_PARAMETER)).startsWith("RTC.AgentUserId");
  }

  @Test
  void llmTestCredentialNeedsATestUrl() {
    String llm = ",\"LLM\":{\"Url\":\"https://api.openai.com/v1/chat/completions\",\"ApiKey\":\"zego_test\",\"Model\":\"m\"}";
    assertThat(api.fails("CreateAgentInstance", Bodies.instance("xiaozhi", "1", llm), Codes.LLM_TEST_URL_NOT_ALLOWED))
        .contains("zego_test");
    String ok = ",\"LLM\":{\"Url\":\"https://api.stepfun.com/v1/chat/completions\",\"ApiKey\":\"zego_test\",\"Model\":\"step-2-16k\"}";
    api.ok("CreateAgentInstance", Bodies.instance("xiaozhi", "1", ok));
  }

  @Test
  void agentWithoutLlmNeedsOneOnTheInstance() {
    api.ok("RegisterAgent", "{\"AgentId\":\"bare\"}");
    assertThat(api.fails("CreateAgentInstance", Bodies.instance("bare", "1"), Codes.INVALID_PARAMETER))
        .startsWith("LLM: required");
    api.ok("CreateAgentInstance", Bodies.instance("bare", "1", ",\"LLM\":" + Bodies.LLM + ",\"TTS\":" + Bodies.TTS));
  }

  @Test
  void digitalHumanInstance() {
    JsonNode d = api.ok("CreateDigitalHumanAgentInstance", Bodies.instance("xiaozhi", "1", DH));
    String cfg = new String(Base64.getDecoder().decode(d.path("DigitalHumanConfig").asText()), StandardCharsets.UTF_8);
    assertThat(cfg).contains("\"DigitalHumanId\":\"63c3aa64-1d80-4b04-a0be-1c65614eb7eb\"")
        .contains("\"StreamId\":\"as_1\"").contains("\"ConfigId\":\"web\"");
    assertThat(server.instance(d.path("AgentInstanceId").asText()).getKind()).isEqualTo("DIGITAL_HUMAN");
  }

  @Test
  void digitalHumanDuplicateStreamAndLimit() {
    api.ok("CreateDigitalHumanAgentInstance", Bodies.instance("xiaozhi", "1", DH));
    String dup = "{\"AgentId\":\"xiaozhi\",\"UserId\":\"user_9\",\"RTC\":{\"RoomId\":\"room_9\","
        + "\"AgentStreamId\":\"as_1\",\"AgentUserId\":\"au_9\",\"UserStreamId\":\"us_9\"}" + DH + "}";
    assertThat(api.fails("CreateDigitalHumanAgentInstance", dup, Codes.DIGITAL_HUMAN_STREAM_ID_DUPLICATE)).contains("as_1");
    api.ok("CreateDigitalHumanAgentInstance", Bodies.instance("xiaozhi", "2", DH));
    assertThat(api.fails("CreateDigitalHumanAgentInstance", Bodies.instance("xiaozhi", "3", DH),
        Codes.DIGITAL_HUMAN_CONCURRENCY_LIMIT)).contains("2 digital-human");
  }

  @Test
  void digitalHumanWithDisabledTtsIsRefused() {
    assertThat(api.fails("CreateDigitalHumanAgentInstance",
        Bodies.instance("xiaozhi", "1", DH + ",\"AdvancedConfig\":{\"DisableTTS\":true}"), Codes.INVALID_PARAMETER))
        .startsWith("AdvancedConfig.DisableTTS");
  }

  @Test
  void liveDigitalHumanNeedsRtcOrCdnAndIsTtsOnly() {
    String dhOnly = "{\"AgentId\":\"xiaozhi\"" + DH + "}";
    assertThat(api.fails("CreateLiveDigitalHumanAgentInstance", dhOnly, Codes.DIGITAL_HUMAN_PARAMETER_INVALID))
        .contains("RTC or CDN");
    String live = "{\"AgentId\":\"xiaozhi\",\"CDN\":{\"Url\":\"rtmp://push.example.com/live/k\"}" + DH + "}";
    String id = api.ok("CreateLiveDigitalHumanAgentInstance", live).path("AgentInstanceId").asText();
    assertThat(server.instance(id).getKind()).isEqualTo("LIVE_DIGITAL_HUMAN");
    api.ok("SendAgentInstanceTTS", Bodies.tts(id, "Welcome to the live show", ""));
    assertThat(api.ok("QueryAgentInstanceStatus", Bodies.id(id)).path("Status").asText()).isEqualTo("SPEAKING");
    for (String action : List.of("SendAgentInstanceLLM", "InterruptAgentInstance", "GetAgentInstanceMsgList",
        "ResetAgentInstanceMsgList", "AddAgentInstanceMsg", "StartListening", "StopListening", "UpdateAgentInstance")) {
      String body = action.equals("SendAgentInstanceLLM") ? Bodies.llm(id, "hi", "") : Bodies.id(id);
      assertThat(api.fails(action, body, Codes.LIVE_DIGITAL_HUMAN_CONTROL_FORBIDDEN))
          .contains(action).contains("SendAgentInstanceTTS");
    }
    api.ok("DeleteAgentInstance", Bodies.id(id));
  }

  @Test
  void liveDigitalHumanEndsWhenNotDriven() {
    String live = "{\"AgentId\":\"xiaozhi\",\"RTC\":{\"RoomId\":\"lr\",\"AgentStreamId\":\"ls\",\"AgentUserId\":\"la\"},"
        + "\"AdvancedConfig\":{\"MaxIdleTime\":30}" + DH + "}";
    String id = api.ok("CreateLiveDigitalHumanAgentInstance", live).path("AgentInstanceId").asText();
    server.advanceClock(Duration.ofSeconds(20));
    api.ok("SendAgentInstanceTTS", Bodies.tts(id, "still here", ""));
    server.advanceClock(Duration.ofSeconds(29));
    assertThat(TestServers.runs(server, id)).isTrue();
    server.advanceClock(Duration.ofSeconds(1));
    assertThat(TestServers.runs(server, id)).isFalse();
    assertThat(events("AgentInstanceDeleted")).containsExactly(id + ":1202");
  }

  @Test
  void updateReplacesAndKeepsFixedTtsFields() {
    String id = create("1");
    api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"LLM\":{\"Url\":\"https://x.example\",\"ApiKey\":\"k\",\"Model\":\"m9\"},"
        + "\"RTC\":{\"UserStreamId\":\"us_new\"}}");
    assertThat(server.instance(id).getLlm().path("Model").asText()).isEqualTo("m9");
    assertThat(server.instance(id).getUserStreamId()).isEqualTo("us_new");
    String otherVendor = "{\"AgentInstanceId\":\"" + id + "\",\"TTS\":{\"Vendor\":\"MiniMax\",\"Params\":{\"app\":{}}}}";
    assertThat(api.fails("UpdateAgentInstance", otherVendor, Codes.INSTANCE_UPDATE_FAILED)).startsWith("TTS.Vendor");
    String filter = "{\"AgentInstanceId\":\"" + id + "\",\"TTS\":{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{}},\"TerminatorText\":\"#\"}}";
    assertThat(api.fails("UpdateAgentInstance", filter, Codes.INSTANCE_UPDATE_FAILED)).startsWith("TTS.TerminatorText");
    api.ok("UpdateAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"TTS\":{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{\"appid\":\"b\"},\"voice\":\"v2\"}}}");
    assertThat(server.instance(id).getTts().path("Params").path("voice").asText()).isEqualTo("v2");
    // Credentials are masked in snapshots (issue 14): the replaced app object shows as ***.
    assertThat(server.instance(id).getTts().path("Params").path("app").asText()).isEqualTo("***");
  }

  @Test
  void deleteThenNotFound() {
    String id = create("1");
    api.ok("DeleteAgentInstance", Bodies.id(id));
    assertThat(events("AgentInstanceDeleted")).containsExactly(id + ":0");
    for (String action : List.of("DeleteAgentInstance", "QueryAgentInstanceStatus", "UpdateAgentInstance",
        "InterruptAgentInstance", "GetAgentInstanceMsgList", "ResetAgentInstanceMsgList", "AddAgentInstanceMsg",
        "StartListening", "StopListening")) {
      assertThat(api.fails(action, Bodies.id(id), Codes.INSTANCE_NOT_FOUND)).contains(id);
    }
    api.fails("SendAgentInstanceTTS", Bodies.tts(id, "x", ""), Codes.INSTANCE_NOT_FOUND);
    api.fails("SendAgentInstanceLLM", Bodies.llm(id, "x", ""), Codes.INSTANCE_NOT_FOUND);
  }

  @Test
  void maxIdleTimeDeletesAfterTheUserLeaves() {
    String id = api.ok("CreateAgentInstance", Bodies.instance("xiaozhi", "1", ",\"AdvancedConfig\":{\"MaxIdleTime\":10}"))
        .path("AgentInstanceId").asText();
    server.advanceClock(Duration.ofHours(1));
    assertThat(TestServers.runs(server, id)).as("user present: never idle").isTrue();
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().present(false));
    server.advanceClock(Duration.ofSeconds(9));
    assertThat(TestServers.runs(server, id)).isTrue();
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().present(true)); // came back: the countdown restarts
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().present(false));
    server.advanceClock(Duration.ofSeconds(9));
    assertThat(TestServers.runs(server, id)).isTrue();
    server.advanceClock(Duration.ofSeconds(1));
    assertThat(TestServers.runs(server, id)).isFalse();
    assertThat(events("Exception")).containsExactly(id + ":1202");
    assertThat(events("AgentInstanceDeleted")).containsExactly(id + ":1202");
  }

  @Test
  void defaultMaxIdleTimeIsTheSpecDefault() {
    String id = create("1");
    server.simulateUser(id, new io.github.zegoaiagent.mock.control.model.UserSimulation().present(false));
    server.advanceClock(Duration.ofSeconds(119));
    assertThat(TestServers.runs(server, id)).isTrue();
    server.advanceClock(Duration.ofSeconds(1));
    assertThat(TestServers.runs(server, id)).isFalse();
  }
}
