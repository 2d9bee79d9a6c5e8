package io.github.zegoaiagent.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.AgentInstanceCreatedEvent;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.spring.ZegoTokenService;
import io.github.zegoaiagent.spring.test.app.BackendApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The one annotation on an application with a random port: its own client bean drives the mock,
 * the mock's callbacks reach its listener on the actual port, its beans follow the mock's clock
 * (also two hours on), and the mock's parts come as parameters beside Spring's.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=backend")
@AutoConfigureZegoMock
class AutoConfigureZegoMockIT {

  static ZegoMock fromBeforeAll;

  @Autowired ZegoAiAgentClient client;
  @Autowired BackendApplication.Events events;
  @Autowired Environment environment;
  @Autowired ZegoMock mockBean;

  @BeforeAll
  static void beforeAll(ZegoMock mock) {
    fromBeforeAll = mock;
  }

  @BeforeEach
  void everyTestStartsWithAResetMockAndNoEvents(MockServer server) {
    assertThat(server.agents()).isEmpty();
    assertThat(server.instances()).isEmpty();
    events.received.clear();
  }

  static RegisterAgentRequest agent(String id) {
    return new RegisterAgentRequest().agentId(id).name("Backend test")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-test").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "tts-test"))));
  }

  static String createInstance(ZegoAiAgentClient client, String agentId, String n) {
    return client.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId(agentId).userId("user_" + n)
            .rtc(new RTC().roomId("room_" + n).agentStreamId("as_" + n).agentUserId("au_" + n).userStreamId("us_" + n)))
        .getData().getAgentInstanceId();
  }

  @Test
  void theApplicationsClientDrivesTheMockAndItsListenerHearsTheCallbacksTwoHoursOnToo(ZegoMock mock) throws Exception {
    client.agents().registerAgent(agent("backend"));
    String id = createInstance(client, "backend", "1");
    CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(10));
    assertThat(events.received).singleElement().isInstanceOfSatisfying(AgentInstanceCreatedEvent.class,
        e -> assertThat(e.getAgentInstanceId()).isEqualTo(id));
    assertThat(mock.server().agents()).extracting(a -> a.agentId()).containsExactly("backend");

    mock.advanceClock(Duration.ofHours(2)); // the application's client and verifier move along
    client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(id).text("Still here"));
    client.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id));
    CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(10));
    assertThat(events.names()).contains("AgentInstanceDeleted");
    assertThat(mock.server().callbackStats().failedAttempts()).as("no callback refused as stale").isZero();
    assertThat(mock.callbacks().events()).as("nothing went to the sink").isEmpty();
  }

  @Test
  void theMockDeliversToTheApplicationsActualPort() {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    assertThat(port).isPositive();
    assertThat(mockBean.server().callbackUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/zego/callback"));
    assertThat(environment.getProperty("zego.aiagent.endpoint")).isEqualTo(mockBean.baseUrl().toString());
    assertThat(environment.getProperty("zego.aiagent.app-id", Long.class)).isEqualTo(mockBean.appId());
  }

  @Test
  void parametersAndInjectionCoexist(@Autowired ZegoAiAgentClient autowired, ZegoAiAgentClient plain,
      ZegoAiAgentAsyncClient async, @Autowired ZegoTokenService tokens, ZegoMock mock, MockServer server,
      MockControlClient control, CallbackSink sink) {
    assertThat(autowired).isSameAs(client).isSameAs(plain);
    assertThat(async).isNotNull();
    assertThat(mock).isSameAs(mockBean).isSameAs(fromBeforeAll);
    assertThat(server).isSameAs(mock.server());
    assertThat(control).isSameAs(mock.control());
    assertThat(sink).isSameAs(mock.callbacks());
    assertThat(Token04.decode(tokens.issue("u"), mock.serverSecret()).appId()).isEqualTo(mock.appId());
  }

  @Test
  void theApplicationsBeansFollowTheMocksClock(ZegoMock mock, @Autowired ZegoTokenService tokens,
      @Autowired CallbackVerifier verifier) {
    mock.advanceClock(Duration.ofDays(3));
    long mockSeconds = mock.clock().millis() / 1000;
    assertThat(Token04.decode(tokens.issue("u"), mock.serverSecret()).ctime()).isBetween(mockSeconds - 1, mockSeconds + 1);
    assertThat(verifier.clock().millis()).isBetween(mock.clock().millis() - 1000, mock.clock().millis() + 1000);
    client.agents().listAgents(new ListAgentsRequest().limit(1)); // would be 100000004 on the system clock
  }

  @Test
  void healthAnswersAtTheDocumentedPath(ZegoMock mock) throws Exception {
    client.agents().listAgents(new ListAgentsRequest().limit(1));
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health/zegoAiAgent")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(r.body()).doesNotContain(mock.serverSecret());
  }

  @Nested
  class InANestedClass {
    @Test
    void theSameContextAndMock(ZegoMock mock) {
      assertThat(mock).isSameAs(mockBean).isSameAs(fromBeforeAll);
      assertThat(mock.server().agents()).isEmpty(); // reset before this test too
    }
  }
}
