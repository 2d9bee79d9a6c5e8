package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tolerant face (ADR 0004): nulls as absent, legacy values, unknown fields, agents as registered. */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class ToleranceTest {
  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @Test
  void theVendorSampleFlowWorksAndTheJournalMarksWhatItUsed() throws Exception {
    assertThat(VendorSampleFlow.run(api, "sample")).hasSize(8);
    VendorSampleFlow.assertJournalMarks(RawApi.JSON.valueToTree(server.journal()), "sample");
  }

  @Test
  void aNullForARequiredFieldIsAnErrorNamingIt() {
    api.ok("RegisterAgent", Bodies.agent("a"));
    assertThat(api.fails("CreateAgentInstance", "{\"AgentId\":\"a\",\"UserId\":\"u\",\"RTC\":null}", Codes.INVALID_PARAMETER))
        .contains("RTC");
    String nested = "{\"AgentId\":\"a\",\"UserId\":\"u\",\"RTC\":{\"RoomId\":null,\"AgentStreamId\":\"s\","
        + "\"AgentUserId\":\"au\",\"UserStreamId\":\"us\",\"StreamExtraInfo\":null}}";
    assertThat(api.fails("CreateAgentInstance", nested, Codes.INVALID_PARAMETER)).contains("RTC.RoomId")
        .doesNotContain("StreamExtraInfo");
    assertThat(api.fails("RegisterAgent", "{\"AgentId\":null}", Codes.INVALID_PARAMETER)).contains("AgentId");
  }

  @Test
  void nullsAtAnyDepthMeanAbsentInValidationDecodingAndSimulation() {
    api.ok("RegisterAgent", "{\"AgentId\":\"n\",\"Name\":null,\"LLM\":{\"Url\":\"https://x.example/v1\",\"ApiKey\":\"k\","
        + "\"Model\":\"m\",\"Temperature\":null,\"Vendor\":null,\"Params\":null},\"TTS\":null,\"ASR\":null}");
    JsonNode a = api.ok("QueryAgents", "{\"AgentIds\":[\"n\"]}").path("Agents").get(0);
    assertThat(a).isEqualTo(RawApi.JSON.createObjectNode().put("AgentId", "n").set("LLM",
        RawApi.JSON.createObjectNode().put("Url", "https://x.example/v1").put("ApiKey", "k").put("Model", "m")));
    // UpdateAgent: a null object is not sent, so the stored one stays (replace-what-is-sent).
    api.ok("UpdateAgent", "{\"AgentId\":\"n\",\"LLM\":null,\"Name\":\"Renamed\"}");
    assertThat(api.ok("QueryAgents", "{\"AgentIds\":[\"n\"]}").path("Agents").get(0).path("LLM").path("Model").asText())
        .isEqualTo("m");
    // The simulation uses defaults for nulls: GracefulShutdownTimeout null with GracefulShutdown null.
    String id = api.ok("CreateAgentInstance", Bodies.instance("n", "1", ",\"TTS\":" + Bodies.TTS
        + ",\"AdvancedConfig\":{\"MaxIdleTime\":null,\"CommunicationMode\":null}")).path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceTTS", "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"hi\",\"AddHistory\":null,\"Priority\":null}");
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + id + "\",\"GracefulShutdown\":true,\"GracefulShutdownTimeout\":null}");
  }

  @Test
  void agentsComeBackExactlyAsRegisteredWithoutDefaults() throws Exception {
    api.ok("RegisterAgent", Bodies.agent("plain"));
    JsonNode sent = RawApi.JSON.readTree(Bodies.agent("plain"));
    JsonNode listed = api.ok("ListAgents", "{}").path("Agents").get(0);
    assertThat(listed).isEqualTo(sent);
    assertThat(listed.path("LLM").has("Temperature")).isFalse();
    assertThat(listed.has("ASR")).isFalse();
  }

  @Test
  void unknownFieldsAreAcceptedDroppedAndJournaled() {
    api.ok("RegisterAgent", "{\"AgentId\":\"u1\",\"Nmae\":\"typo\",\"LLM\":" + Bodies.LLM.replace("}", ",\"Foo\":1}")
        + ",\"TTS\":{\"Vendor\":\"MiniMax\",\"Params\":{\"app\":{\"api_key\":\"k\"},\"model\":\"speech-02-hd\",\"extra\":null}}}");
    JournalEntry e = last();
    assertThat(e.getUnknownFields()).containsExactly("Nmae", "LLM.Foo");
    assertThat(e.getLegacy()).isEmpty();
    JsonNode a = api.ok("QueryAgents", "{\"AgentIds\":[\"u1\"]}").path("Agents").get(0);
    assertThat(a.has("Nmae")).isFalse();
    assertThat(a.path("LLM").has("Foo")).isFalse();
    assertThat(a.path("TTS").path("Params").has("extra")).as("vendor Params are passed through as sent").isTrue();
  }

  @Test
  void aLegacyValueIsAcceptedAndAnUnlistedOneStillRefused() {
    api.ok("RegisterAgent", "{\"AgentId\":\"l1\",\"TTS\":{\"Vendor\":\"ByteDance\",\"Params\":{\"app\":{\"cluster\":\"volcano_mega\"}}}}");
    assertThat(last().getLegacy()).containsExactly("TTS.Vendor=ByteDance (legacy)");
    assertThat(api.fails("RegisterAgent", "{\"AgentId\":\"l2\",\"TTS\":{\"Vendor\":\"NoSuchVendor\",\"Params\":{\"app\":{}}}}",
        Codes.INVALID_PARAMETER)).contains("TTS.Vendor").contains("ByteDance");
  }

  @Test
  void vendorNamesInAnyCaseAreReadAsTheListedSpellingAndJournaled() {
    // What the vendor's digital-human quick-start and its backend sample send, and its TTS guide writes.
    api.ok("RegisterAgent", "{\"AgentId\":\"c1\",\"LLM\":{\"Url\":\"https://x/v1\",\"ApiKey\":\"k\",\"Model\":\"m\"},"
        + "\"TTS\":{\"Vendor\":\"Bytedance\",\"Params\":{\"app\":{\"appid\":\"a\",\"token\":\"t\",\"cluster\":\"volcano_tts\"}}},"
        + "\"ASR\":{\"Vendor\":\"tencent\"}}");
    assertThat(last().getLegacy()).containsExactly("TTS.Vendor=Bytedance (case variant of ByteDance)",
        "TTS.Vendor=ByteDance (legacy)", "ASR.Vendor=tencent (case variant of Tencent)");
    api.ok("UpdateAgent", "{\"AgentId\":\"c1\",\"TTS\":{\"Vendor\":\"Minimax\",\"Params\":{\"app\":{\"api_key\":\"k\"}}}}");
    assertThat(last().getLegacy()).containsExactly("TTS.Vendor=Minimax (case variant of MiniMax)");
    // Stored and answered in the listed spelling; an instance of it runs.
    JsonNode agent = api.ok("QueryAgents", "{\"AgentIds\":[\"c1\"]}").path("Agents").get(0);
    assertThat(agent.path("TTS").path("Vendor").asText()).isEqualTo("MiniMax");
    assertThat(agent.path("ASR").path("Vendor").asText()).isEqualTo("Tencent");
    api.ok("CreateAgentInstance", Bodies.instance("c1", "1"));
    // The listed spelling is not marked; a name no case makes listed is still refused; LLM.Vendor is compared as written.
    api.ok("UpdateAgent", "{\"AgentId\":\"c1\",\"TTS\":{\"Vendor\":\"MiniMax\",\"Params\":{\"app\":{\"api_key\":\"k\"}}}}");
    assertThat(last().getLegacy()).isEmpty();
    assertThat(api.fails("UpdateAgent", "{\"AgentId\":\"c1\",\"TTS\":{\"Vendor\":\"Mini Max\",\"Params\":{\"app\":{}}}}",
        Codes.INVALID_PARAMETER)).contains("TTS.Vendor");
    assertThat(api.fails("UpdateAgent", "{\"AgentId\":\"c1\",\"LLM\":{\"Vendor\":\"openaichat\",\"Url\":\"https://x/v1\","
        + "\"ApiKey\":\"k\",\"Model\":\"m\"}}", Codes.INVALID_PARAMETER)).contains("LLM.Vendor");
  }

  private static JournalEntry last() {
    List<JournalEntry> j = server.journal();
    return j.get(j.size() - 1);
  }
}
