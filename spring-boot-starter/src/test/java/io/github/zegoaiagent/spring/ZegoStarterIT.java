package io.github.zegoaiagent.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.AgentInstanceCreatedEvent;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import io.github.zegoaiagent.client.model.AgentInstanceStatusEvent;
import io.github.zegoaiagent.client.model.AgentStatus;
import io.github.zegoaiagent.client.model.CallbackConfig;
import io.github.zegoaiagent.client.model.CallbackEvent;
import io.github.zegoaiagent.client.model.CallbackSwitch;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.LLMResultEvent;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.token.DecodedToken04;
import io.github.zegoaiagent.client.token.RtcPrivilege;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.spring.testapp.StarterTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real application on a free port chosen by the OS: its client bean talks to the mock server,
 * and the mock delivers signed callbacks to the application's endpoint. Runs on Boot 4 here and on
 * Boot 3.5 in boot3-tests/, so it uses only APIs both have.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ZegoStarterIT {

  static final long APP_ID = 1234567890L;
  static final String SERVER_SECRET = "0123456789abcdef0123456789abcdef";
  static final String CALLBACK_SECRET = "starter-callback-secret";
  static final int APP_PORT = freePort();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static MockServer mock;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    mock = MockServer.start(MockServerConfig.builder()
        .credential(APP_ID, SERVER_SECRET)
        .qpsLimit(0)
        .llmThinkTime(Duration.ofMillis(50))
        .speechPerCharacter(Duration.ofMillis(5))
        .callbackUrl(URI.create("http://127.0.0.1:" + APP_PORT + "/zego/callback"))
        .callbackSecret(CALLBACK_SECRET)
        .callbackRetryDelays(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800)))
        .build());
    r.add("server.port", () -> APP_PORT);
    r.add("zego.aiagent.app-id", () -> APP_ID);
    r.add("zego.aiagent.server-secret", () -> SERVER_SECRET);
    r.add("zego.aiagent.endpoint", () -> mock.baseUrl().toString());
    r.add("zego.aiagent.callback.enabled", () -> "true");
    r.add("zego.aiagent.callback.secret", () -> CALLBACK_SECRET);
    r.add("zego.aiagent.token.default-validity", () -> "2h");
    r.add("management.endpoint.health.show-details", () -> "always");
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired ZegoAiAgentClient client;
  @Autowired ZegoAiAgentAsyncClient asyncClient;
  @Autowired ZegoTokenService tokens;
  @Autowired StarterTestApplication.RecordingListener listener;
  @Autowired StarterTestApplication.DeletedHandler deletedHandler;
  @Autowired MeterRegistry meters;
  @Autowired Environment environment;

  private static RegisterAgentRequest agent(String id) {
    return new RegisterAgentRequest().agentId(id).name("Starter test")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-test").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "tts-test"))));
  }

  private static RTC rtc(String n) {
    return new RTC().roomId("room_" + n).agentStreamId("agent_stream_" + n).agentUserId("agent_user_" + n)
        .userStreamId("user_stream_" + n);
  }

  /** Waits (bounded) until the listener saw an event of the instance matching the predicate. */
  private <T extends CallbackEvent> T awaitEvent(Class<T> type, String instanceId, Predicate<T> matching) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (CallbackEvent e : listener.events) {
        if (type.isInstance(e) && instanceId.equals(instanceIdOf(e)) && matching.test(type.cast(e))) {
          return type.cast(e);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type.getSimpleName() + " of " + instanceId + " within 30 s; saw " + listener.events);
  }

  private static String instanceIdOf(CallbackEvent e) {
    try {
      return (String) e.getClass().getMethod("getAgentInstanceId").invoke(e);
    } catch (ReflectiveOperationException ex) {
      return null;
    }
  }

  @Test
  void theClientBeanDrivesTheMockAndItsSignedCallbacksArriveAsTypedEvents() throws Exception {
    client.agents().registerAgent(agent("starter_a"));
    String id = client.instances().createAgentInstance(new CreateAgentInstanceRequest()
            .agentId("starter_a").userId("user_a").rtc(rtc("a"))
            .callbackConfig(new CallbackConfig().llmResult(CallbackSwitch.ON).agentInstanceStatus(CallbackSwitch.ON)))
        .getData().getAgentInstanceId();
    assertThat(awaitEvent(AgentInstanceCreatedEvent.class, id, e -> true).getData().getCreatedTimestamp()).isPositive();

    client.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest().agentInstanceId(id).text("What is the weather?"));
    LLMResultEvent llm = awaitEvent(LLMResultEvent.class, id, e -> true);
    assertThat(llm.getData().getText()).contains("What is the weather?"); // the mock echoes by default
    awaitEvent(AgentInstanceStatusEvent.class, id, e -> e.getData().getStatus() == AgentStatus.IDLE);

    listener.events.removeIf(e -> e instanceof AgentInstanceStatusEvent);
    client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(id).text("Hello from TTS"));
    awaitEvent(AgentInstanceStatusEvent.class, id, e -> e.getData().getStatus() == AgentStatus.SPEAKING);
    awaitEvent(AgentInstanceStatusEvent.class, id, e -> e.getData().getStatus() == AgentStatus.IDLE);

    client.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id));
    assertThat(awaitEvent(AgentInstanceDeletedEvent.class, id, e -> true).getData().getCode()).isZero();
    // CallbackHandler beans are called too: after the event is published, on the delivery's
    // thread, so the listener can see the event a moment before the handler has run.
    long handlerDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!deletedHandler.deleted.contains(id) && System.nanoTime() < handlerDeadline) {
      Thread.sleep(20);
    }
    assertThat(deletedHandler.deleted).contains(id);
    assertThat(mock.callbackStats().failedAttempts()).as("every delivery acknowledged at once").isZero();

    // Each event was handled once, although the mock signs each delivery afresh.
    assertThat(listener.events.stream().filter(e -> e instanceof AgentInstanceCreatedEvent && id.equals(instanceIdOf(e)))).hasSize(1);
  }

  @Test
  void theAsyncClientBeanWorksToo() throws Exception {
    client.agents().registerAgent(agent("starter_async"));
    var answer = asyncClient.agents().listAgents(new ListAgentsRequest().limit(10)).get();
    assertThat(answer.getData().getAgents()).extracting(a -> a.getAgentId()).contains("starter_async");
  }

  private HttpResponse<String> postCallback(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/zego/callback"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode deletedEvent(String instanceId, long timestamp, String nonce, String secret) {
    ObjectNode e = JSON.createObjectNode();
    e.put("AppId", APP_ID).put("Event", "AgentInstanceDeleted").put("AgentInstanceId", instanceId)
        .put("Sequence", 77).put("Nonce", nonce).put("Timestamp", timestamp);
    e.putObject("Data").put("Code", 0).put("DeletedTimestamp", timestamp);
    e.put("Signature", new CallbackVerifier(secret).expectedSignature(Long.toString(timestamp), nonce));
    return e;
  }

  @Test
  void aReplayedCallbackIsAcknowledgedButHandledOnceAndForgedOrStaleOnesAreRefused() throws Exception {
    String id = "9000000000000000001";
    long now = Instant.now().toEpochMilli();
    String genuine = deletedEvent(id, now, "5550000000000000001", CALLBACK_SECRET).toString();
    HttpResponse<String> first = postCallback(genuine);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body().trim()).isEqualTo("handled");
    HttpResponse<String> replay = postCallback(genuine);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body().trim()).isEqualTo("duplicate");

    HttpResponse<String> forged = postCallback(deletedEvent("9000000000000000002", now, "5550000000000000002", "not-the-secret").toString());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body().trim()).isEqualTo("forged");
    long tenMinutesAgo = now - Duration.ofMinutes(10).toMillis();
    HttpResponse<String> stale = postCallback(deletedEvent("9000000000000000003", tenMinutesAgo, "5550000000000000003", CALLBACK_SECRET).toString());
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body().trim()).isEqualTo("stale");
    assertThat(postCallback("{not json").statusCode()).isEqualTo(400);

    assertThat(listener.events.stream().map(ZegoStarterIT::instanceIdOf).filter(i -> i != null && i.startsWith("900000000000000000")))
        .containsExactly(id);
    assertThat(deletedHandler.deleted).containsOnlyOnce(id).doesNotContain("9000000000000000002", "9000000000000000003");
    assertThat(meters.get("zego.aiagent.callback").tag("status", "duplicate").timer().count()).isGreaterThanOrEqualTo(1);
    assertThat(meters.get("zego.aiagent.callback").tag("status", "forged").tag("event", "unverified").timer().count()).isGreaterThanOrEqualTo(1);
    assertThat(meters.get("zego.aiagent.callback").tag("status", "handled").tag("event", "AgentInstanceDeleted").timer().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theTokenServiceIssuesTokensOfTheConfiguredApp() {
    DecodedToken04 basic = Token04.decode(tokens.issue("user_a"), SERVER_SECRET);
    assertThat(basic.appId()).isEqualTo(APP_ID);
    assertThat(basic.userId()).isEqualTo("user_a");
    assertThat(basic.expire() - basic.ctime()).isEqualTo(Duration.ofHours(2).toSeconds());
    DecodedToken04 strict = Token04.decode(tokens.issue("user_a", Duration.ofMinutes(5),
        RtcPrivilege.builder().roomId("room_a").loginRoom(true).publishStream(true).build()), SERVER_SECRET);
    assertThat(strict.payload()).isEqualTo("{\"room_id\":\"room_a\",\"privilege\":{\"1\":1,\"2\":1},\"stream_id_list\":null}");
    assertThat(tokens.toString()).doesNotContain(SERVER_SECRET);
  }

  @Test
  void callsAreMeasuredAndHealthReportsTheLatestOutcome() throws Exception {
    client.agents().listAgents(new ListAgentsRequest().limit(1));
    assertThat(meters.get("zego.aiagent.call").tag("action", "ListAgents").tag("outcome", "success").tag("attempts", "1").timer().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("zego.aiagent.call.attempt").tag("action", "ListAgents").tag("outcome", "success").tag("retried", "false").timer().count())
        .isGreaterThanOrEqualTo(1);
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + APP_PORT + "/actuator/health/zegoAiAgent")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(health.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("details").path("checks").asText()).startsWith("latest call outcome");
    assertThat(body.path("details").path("latest").asText()).startsWith("ListAgents answered");
    assertThat(health.body()).doesNotContain(SERVER_SECRET);
    assertThat(environment.getProperty("local.server.port", Integer.class)).isEqualTo(APP_PORT);
  }
}
