package io.github.zegoaiagent.readme;

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
import io.github.zegoaiagent.client.token.DecodedToken04;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The top-level README's Spring Boot example (its application.yml, AgentEvents and TokenController,
 * verbatim) runs: the application's client drives the mock, whose signed callbacks reach the
 * listener bean; the token route answers a decodable token; health probes the service.
 */
class ReadmeBackendIT {

  static final long APP_ID = 1234567890L;
  static final String SERVER_SECRET = "0123456789abcdef0123456789abcdef";
  static final String CALLBACK_SECRET = "readme-callback-secret";

  static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("README.md");
      if (Files.exists(candidate) && Files.exists(dir.resolve("spring-boot-starter"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("top-level README.md not found above " + Path.of("").toAbsolutePath());
  }

  static String block(String file) throws Exception {
    Path source = Path.of(ReadmeBackendIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent().getParent(); // target/ -> module
    Path java = source.resolve("src/test/java/io/github/zegoaiagent/readme/" + file);
    if (!Files.exists(java)) { // boot3-tests compiles ../src/test
      java = source.getParent().resolve("src/test/java/io/github/zegoaiagent/readme/" + file);
    }
    List<String> lines = Files.readAllLines(java);
    return String.join("\n", lines.subList(lines.indexOf("// README-BEGIN") + 1, lines.indexOf("// README-END")));
  }

  @Test
  void theReadmeShowsExactlyTheTestedExample() throws Exception {
    String readme = Files.readString(readme());
    assertThat(readme).contains("## Building a backend");
    try (InputStream yml = getClass().getResourceAsStream("/readme/application.yml")) {
      assertThat(readme).contains(new String(yml.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
    assertThat(readme).contains(block("AgentEvents.java"));
    assertThat(readme).contains(block("TokenController.java"));
  }

  @Test
  void theExampleApplicationRuns() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (MockServer mock = MockServer.start(MockServerConfig.builder().credential(APP_ID, SERVER_SECRET).qpsLimit(0)
            .llmThinkTime(Duration.ofMillis(50)).speechPerCharacter(Duration.ofMillis(5))
            .callbackUrl(URI.create("http://127.0.0.1:" + port + "/zego/callback")).callbackSecret(CALLBACK_SECRET).build());
         ConfigurableApplicationContext app = new SpringApplicationBuilder(ReadmeApplication.class).run(
            "--spring.config.location=classpath:/readme/application.yml",
            "--server.port=" + port,
            "--management.endpoint.health.show-details=always",
            "--ZEGO_APP_ID=" + APP_ID,
            "--ZEGO_SERVER_SECRET=" + SERVER_SECRET,
            "--ZEGO_ENDPOINT=" + mock.baseUrl(),
            "--ZEGO_CALLBACK_SECRET=" + CALLBACK_SECRET)) {
      ZegoAiAgentClient client = app.getBean(ZegoAiAgentClient.class);
      client.agents().registerAgent(new RegisterAgentRequest().agentId("readme").name("Readme")
          .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-test").model("gpt-4o-mini"))
          .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "t")))));
      String id = client.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId("readme").userId("user_r")
              .rtc(new RTC().roomId("room_r").agentStreamId("as_r").agentUserId("au_r").userStreamId("us_r"))
              .callbackConfig(new CallbackConfig().llmResult(CallbackSwitch.ON)))
          .getData().getAgentInstanceId();
      client.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest().agentInstanceId(id).text("Hi"));
      AgentEvents events = app.getBean(AgentEvents.class);
      await(events, id + " said: You said: Hi");
      client.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id));
      await(events, id + " ended, Code 0");
      assertThat(events.log).startsWith(id + " joined room room_r");

      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/token?userId=user_r")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode token = json.readTree(answer.body());
      DecodedToken04 decoded = Token04.decode(token.path("token").asText(), SERVER_SECRET);
      assertThat(decoded.userId()).isEqualTo("user_r");
      assertThat(decoded.appId()).isEqualTo(APP_ID).isEqualTo(token.path("appId").asLong());
      assertThat(decoded.expire() - decoded.ctime()).isEqualTo(3600);

      JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/actuator/health/zegoAiAgent")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("details").path("checks").asText()).contains("ListAgents");
    }
  }

  private static void await(AgentEvents events, String line) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!events.log.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(events.log).contains(line);
  }
}
