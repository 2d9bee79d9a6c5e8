package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The request shapes of the vendor's own sample backend (ZEGOCLOUD/ai_agent_quick_start_server,
 * reference S5) and its docs: legacy ByteDance TTS with Params.app {appid, token, cluster},
 * explicit nulls for every optional object it does not set, SyncMode 1 history, the undocumented
 * EnqueueUserSpeech. Shared by {@link ToleranceTest} (in-process) and
 * {@link StandaloneJarIT} (the jar as a process).
 */
final class VendorSampleFlow {

  static final String REGISTER = "{\"AgentId\":\"%s\",\"Name\":\"Jacky\","
      + "\"LLM\":{\"Url\":\"https://ark.cn-beijing.volces.com/api/v3/chat/completions\",\"ApiKey\":\"zego_test\","
      + "\"Model\":\"doubao-1-5-lite-32k-250115\",\"SystemPrompt\":\"You are Jacky.\"},"
      + "\"TTS\":{\"Vendor\":\"ByteDance\",\"Params\":{\"app\":{\"appid\":\"zego_test\",\"token\":\"zego_test\","
      + "\"cluster\":\"volcano_tts\"},\"audio\":{\"voice_type\":\"zh_female_vv_uranus_bigtts\"}}},"
      + "\"ASR\":{\"Vendor\":\"Tencent\",\"Params\":{\"engine_model_type\":\"16k_zh\"},"
      + "\"VADSilenceSegmentation\":500,\"PauseInterval\":800}}";

  private VendorSampleFlow() { }

  /**
   * Runs register → query → create (nulls) → TTS → LLM → status → delete → unregister, each
   * asserted Code 0, and checks QueryAgents returns exactly what was registered.
   *
   * @return the actions called, in order
   */
  static List<String> run(RawApi api, String agentId) throws IOException {
    List<String> called = new ArrayList<>();
    String register = String.format(REGISTER, agentId);
    api.ok("RegisterAgent", register);
    called.add("RegisterAgent");

    JsonNode agents = api.ok("QueryAgents", "{\"AgentIds\":[\"" + agentId + "\"]}").path("Agents");
    called.add("QueryAgents");
    assertThat(agents).hasSize(1);
    assertThat(agents.get(0)).as("QueryAgents returns exactly what RegisterAgent sent")
        .isEqualTo(RawApi.JSON.readTree(register));

    String instance = api.ok("CreateAgentInstance", "{\"AgentId\":\"" + agentId + "\",\"UserId\":\"u_" + agentId + "\","
        + "\"RTC\":{\"RoomId\":\"r_" + agentId + "\",\"AgentStreamId\":\"as_" + agentId + "\",\"AgentUserId\":\"au_" + agentId
        + "\",\"UserStreamId\":\"us_" + agentId + "\"},"
        + "\"LLM\":null,\"TTS\":null,\"ASR\":null,\"VAD\":null,\"CallbackConfig\":null,\"AdvancedConfig\":null,"
        + "\"MessageHistory\":{\"SyncMode\":1,\"Messages\":[],\"WindowSize\":10}}").path("AgentInstanceId").asText();
    called.add("CreateAgentInstance");
    assertThat(instance).isNotEmpty();

    api.ok("SendAgentInstanceTTS", "{\"AgentInstanceId\":\"" + instance + "\",\"Text\":\"Welcome!\","
        + "\"AddHistory\":true,\"EnqueueUserSpeech\":true,\"Priority\":\"High\",\"SamePriorityOption\":null,\"InterruptMode\":null}");
    called.add("SendAgentInstanceTTS");
    api.ok("SendAgentInstanceLLM", "{\"AgentInstanceId\":\"" + instance + "\",\"Text\":\"What's the weather?\","
        + "\"SystemPrompt\":null,\"AddQuestionToHistory\":true,\"AddAnswerToHistory\":null,\"Priority\":null,"
        + "\"SamePriorityOption\":null}");
    called.add("SendAgentInstanceLLM");
    assertThat(api.ok("QueryAgentInstanceStatus", "{\"AgentInstanceId\":\"" + instance + "\"}").path("Status").asText())
        .isNotEmpty();
    called.add("QueryAgentInstanceStatus");
    api.ok("DeleteAgentInstance", "{\"AgentInstanceId\":\"" + instance + "\",\"GracefulShutdown\":null}");
    called.add("DeleteAgentInstance");
    api.ok("UnregisterAgent", "{\"AgentId\":\"" + agentId + "\"}");
    called.add("UnregisterAgent");
    return called;
  }

  /** @return the journal of a mock, read through its control API */
  static JsonNode journal(URI base) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(base.toString().replaceAll("/$", "") + "/_mock/journal")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return RawApi.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts the journal marked the legacy vendor, the deprecated ASR fields and the unknown field. */
  static void assertJournalMarks(JsonNode journal, String agentId) {
    JsonNode register = null;
    JsonNode tts = null;
    for (JsonNode e : journal.isArray() ? journal : journal.path("entries")) {
      if (e.path("action").asText().equals("RegisterAgent") && e.path("body").asText().contains(agentId)) {
        register = e;
      }
      if (e.path("action").asText().equals("SendAgentInstanceTTS") && e.path("body").asText().contains("Welcome")) {
        tts = e;
      }
    }
    assertThat(register).as("journal has the RegisterAgent: %s", journal).isNotNull();
    assertThat(register.path("legacy")).extracting(JsonNode::asText).contains("TTS.Vendor=ByteDance (legacy)",
        "ASR.VADSilenceSegmentation (deprecated)", "ASR.PauseInterval (deprecated)");
    assertThat(register.path("unknownFields")).isEmpty();
    assertThat(tts).isNotNull();
    assertThat(tts.path("unknownFields")).extracting(JsonNode::asText).containsExactly("EnqueueUserSpeech");
  }
}
