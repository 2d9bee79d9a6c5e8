package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Masking fails closed (issue 14 item 4): credentials never reach the journal, the control API,
 * snapshots or {@code toString()}, even when the body cannot be parsed or names a secret with
 * another case; the wire answers keep what the service returns.
 */
class SecretMaskingTest {
  static final String KEY = "sk-live-0123456789";
  static final String TOKEN = "tts-token-abcdef";
  static final String LLM = "{\"Url\":\"https://api.openai.com/v1/chat/completions\",\"ApiKey\":\"" + KEY
      + "\",\"Model\":\"gpt-4o-mini\"}";
  static final String TTS = "{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"voice\":\"v1\",\"app\":{\"appid\":\"a\",\"token\":\""
      + TOKEN + "\"}}}";
  static final String AGENT = "{\"AgentId\":\"m1\",\"LLM\":" + LLM + ",\"TTS\":" + TTS + "}";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void start() {
    server = TestServers.start();
    api = new RawApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void secretPathsComeFromTheContract() {
    SecretMasker m = new SecretMasker(RawApi.JSON, Contract.load().model());
    assertThat(m.paths("RegisterAgent")).contains(List.of("LLM", "ApiKey"), List.of("TTS", "Params", "app"));
    assertThat(m.paths("CreateAgentInstance")).contains(List.of("LLM", "ApiKey"), List.of("TTS", "Params", "app"));
    assertThat(m.paths("ListAgents")).isEmpty();
    assertThat(m.names()).contains("apikey", "app");
  }

  @Test
  void aBodyThatIsNotJsonIsJournaledWithoutItsContent() {
    String truncated = AGENT.substring(0, AGENT.indexOf(KEY) + KEY.length() + 2);
    assertThat(api.uncheckedCodes().call("RegisterAgent", truncated).path("Code").asInt()).isEqualTo(410000004);
    String body = last().getBody();
    assertThat(body).doesNotContain(KEY).doesNotContain("sk-live")
        .isEqualTo("(" + truncated.length() + " bytes, not JSON: content not kept, secrets in it could not be masked)");
    // JSON followed by garbage is not JSON either.
    api.uncheckedCodes().call("RegisterAgent", AGENT + "}");
    assertThat(last().getBody()).doesNotContain(KEY).contains("not JSON");
  }

  @Test
  void secretsUnderAnotherCaseOrAnUnknownActionAreMaskedToo() {
    api.uncheckedCodes().call("RegisterAgent", "{\"AgentId\":\"t1\",\"LLM\":" + LLM + ",\"llm\":{\"apikey\":\"" + KEY + "\"}}");
    assertThat(last().getBody()).doesNotContain(KEY).contains("\"apikey\":\"***\"");
    api.uncheckedCodes().call("NoSuchAction", AGENT);
    assertThat(last().getCode()).isEqualTo(100000007);
    assertThat(last().getBody()).doesNotContain(KEY).doesNotContain(TOKEN).contains("\"ApiKey\":\"***\"");
  }

  @Test
  void agentsInstancesAndTheControlApiShowNoCredentialWhileTheWireKeepsThem() throws Exception {
    api.ok("RegisterAgent", AGENT);
    String id = api.ok("CreateAgentInstance", Bodies.instance("m1", "1")).path("AgentInstanceId").asText();
    StringBuilder all = new StringBuilder();
    all.append(server.agents()).append(server.agents().get(0).getLlm()).append(server.agents().get(0).getTts());
    all.append(server.instances()).append(server.instance(id)).append(server.callbacks());
    all.append(server.journal());
    for (String path : List.of("agents", "instances", "instances/" + id, "journal", "callbacks")) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "_mock/" + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      all.append(r.body());
    }
    assertThat(all).contains("\"ApiKey\":\"***\"").contains("\"app\":\"***\"").contains("gpt-4o-mini").contains("v1");
    assertThat(all.toString()).doesNotContain(KEY).doesNotContain(TOKEN);
    assertThat(server.instance(id).getLlm().path("ApiKey").asText()).isEqualTo(SecretMasker.MASK);
    // The wire answer is the service's: QueryAgents returns the credentials as stored.
    JsonNode q = api.ok("QueryAgents", "{\"AgentIds\":[\"m1\"]}");
    assertThat(q.path("Agents").get(0).path("LLM").path("ApiKey").asText()).isEqualTo(KEY);
    assertThat(q.path("Agents").get(0).path("TTS").path("Params").path("app").path("token").asText()).isEqualTo(TOKEN);
  }

  private static io.github.zegoaiagent.mock.control.model.JournalEntry last() {
    List<io.github.zegoaiagent.mock.control.model.JournalEntry> j = server.journal();
    return j.get(j.size() - 1);
  }
}
