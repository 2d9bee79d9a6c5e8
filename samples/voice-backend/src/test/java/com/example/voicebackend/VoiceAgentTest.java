package com.example.voicebackend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.CallbackConfig;
import io.github.zegoaiagent.client.model.CallbackSwitch;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.spring.test.AutoConfigureZegoMock;
import io.github.zegoaiagent.spring.test.CallbackDeliveries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureZegoMock
class VoiceAgentTest {

  @Autowired ZegoAiAgentClient client;   // the application's own bean, pointed at the mock
  @Autowired AgentEvents events;         // the application's listener of verified callbacks
  @Value("${local.server.port}") int port;

  @Test
  void theAgentJoinsSpeaksAndLeaves(ZegoMock mock) {
    client.agents().registerAgent(new RegisterAgentRequest().agentId("greeter").name("Greeter")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-test").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "tts-test")))));
    String id = client.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId("greeter").userId("user_1")
            .rtc(new RTC().roomId("room_1").agentStreamId("agent_stream_1").agentUserId("agent_user_1").userStreamId("user_stream_1"))
            .callbackConfig(new CallbackConfig().llmResult(CallbackSwitch.ON)))
        .getData().getAgentInstanceId();
    CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(10)); // the mock's callbacks reached the application
    assertThat(events.log).containsExactly(id + " joined room room_1");

    client.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest().agentInstanceId(id).text("Hi"));
    mock.advanceClock(Duration.ofSeconds(10));             // the mock's LLM answers and the agent speaks
    CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(10));
    assertThat(events.log).last().isEqualTo(id + " said: You said: Hi");

    mock.advanceClock(Duration.ofHours(2));                // the application's client and verifier follow
    client.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id));
    CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(10));
    assertThat(events.log).last().isEqualTo(id + " ended, Code 0");
  }

  @Test
  void theTokenRouteAndHealthAnswer(ZegoMock mock) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    JsonNode token = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/api/token?userId=user_1")).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(Token04.decode(token.path("token").asText(), mock.serverSecret()).userId()).isEqualTo("user_1");

    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health/zegoAiAgent")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
