package io.github.zegoaiagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ServerSecret, signatures and model credentials stay out of logs, messages and toString(). */
class SecretsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void logsAndExceptionsNeverShowTheSecretOrASignature() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":410001029,\"Message\":\"slow down\",\"RequestId\":\"1\"}")));
    RecordingLogger logger = new RecordingLogger();
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).logger(logger)
        .retryPolicy(RetryPolicy.defaults()).sleeper(new TestClients.RecordingSleeper()).build();

    Throwable failure = catchThrowable(() -> client.control().sendAgentInstanceTTS(
        new SendAgentInstanceTTSRequest().agentInstanceId("1").text("hi")));

    List<String> signatures = wm.findAll(anyRequestedFor(anyUrl())).stream()
        .map(r -> r.queryParameter("Signature").firstValue()).toList();
    assertThat(signatures).hasSize(3);
    assertThat(logger.messages()).hasSize(3).allSatisfy(line -> {
      assertThat(line).doesNotContain(TestClients.SECRET);
      signatures.forEach(sig -> assertThat(line).doesNotContain(sig));
    });
    assertThat(logger.messages().get(0)).contains("SendAgentInstanceTTS", "attempt 1", "410001029");
    assertThat(failure.getMessage()).doesNotContain(TestClients.SECRET);
    signatures.forEach(sig -> assertThat(failure.getMessage()).doesNotContain(sig));
    assertThat(client.toString()).doesNotContain(TestClients.SECRET).contains("***");
    assertThat(ZegoAiAgentClient.builder().serverSecret("builder-secret").toString()).doesNotContain("builder-secret");
  }

  @Test
  void modelToStringMasksCredentials() {
    RegisterAgentRequest request = new RegisterAgentRequest().agentId("a")
        .llm(new LLM().url("https://llm.example").apiKey("sk-very-secret").model("m"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "tts-very-secret"))));
    assertThat(request.toString()).doesNotContain("sk-very-secret", "tts-very-secret").contains("***");
  }

  @Test
  void callbackEventToStringMasksTheSignatureOfEveryEvent() throws Exception {
    // The contract marks CallbackEnvelope.Signature x-zego-secret; the pojo template masks it.
    assertThat(SpecExamples.contract().secretNames()).contains("Signature");
    com.fasterxml.jackson.databind.JsonNode example = SpecExamples.callbackExample();
    String signature = example.path("Signature").asText();
    assertThat(signature).isNotBlank();
    assertThat(io.github.zegoaiagent.client.callback.CallbackEvents.TYPES).isNotEmpty();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
        .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    for (var type : io.github.zegoaiagent.client.callback.CallbackEvents.TYPES.entrySet()) {
      com.fasterxml.jackson.databind.node.ObjectNode event = example.deepCopy();
      event.put("Event", type.getKey());
      event.remove("Data"); // each event has its own Data shape; the envelope is what is shared
      Object decoded = json.treeToValue(event, type.getValue());
      assertThat(decoded.toString()).as(type.getKey())
          .doesNotContain(signature).contains("signature: ***").contains(event.path("AgentInstanceId").asText());
    }
  }
}
