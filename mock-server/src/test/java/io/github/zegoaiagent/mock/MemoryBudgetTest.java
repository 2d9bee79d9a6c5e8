package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.error.Codes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One memory budget over everything the mock keeps: with caps that each allow far more than the
 * budget (40 instances × 4 Mi characters of context), filling contexts, speech and the journal
 * ends in documented codes and a log line, every request is answered (nothing is closed without
 * an answer), and deleting or resetting frees it all. Before, only each cap held: the sum filled
 * the heap and connections were closed unanswered.
 */
class MemoryBudgetTest {
  static final long BUDGET = 24L << 20;
  /** 300,000 CJK full stops: one message of about 0.6 MiB of heap, under the 1 MiB body cap. */
  static final String BIG = "。".repeat(300_000);

  @Test
  void fillingContextsEndsInDocumentedCodesAndEverythingComesBack() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (MockServer server = MockServer.start(TestServers.config().memoryBudget(BUDGET).maxConcurrentInstances(40)
        .log(LogSettings.Mode.REQUESTS).logTo(new PrintStream(console, true, StandardCharsets.UTF_8)).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("a"));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(api.ok("CreateAgentInstance", Bodies.instance("a", String.valueOf(i))).path("AgentInstanceId").asText());
      }
      String message = "{\"Role\":\"user\",\"Content\":\"" + BIG + "\"}";
      int accepted = 0;
      String refusal = null;
      for (int round = 0; round < 6 && refusal == null; round++) {
        for (String id : ids) {
          JsonNode r = api.call("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + id + "\",\"Messages\":[" + message + "]}");
          if (r.path("Code").asInt() == 0) {
            accepted++;
          } else {
            // the context refused (410000003), or already the body while it was read (100000012)
            assertThat(r.path("Code").asInt()).isIn(Codes.INVALID_PARAMETER, Codes.BODY_UNREADABLE);
            refusal = r.path("Message").asText();
            break;
          }
        }
      }
      assertThat(refusal).as("the budget refused before the caps did").isNotNull()
          .contains("memory budget").contains("--memory-budget");
      assertThat(accepted).isGreaterThanOrEqualTo(10);
      var info = server.info();
      assertThat(info.getMemoryUsedBytes()).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET / 2);

      // Speech that does not fit is refused with the action's own code; what the simulation adds by
      // itself (context, spoken texts, journal) forgets its oldest instead.
      JsonNode llm = api.call("SendAgentInstanceLLM", Bodies.llm(ids.get(0), BIG, ""));
      assertThat(llm.path("Code").asInt()).isIn(Codes.TRIGGER_LLM_FAILED, Codes.BODY_UNREADABLE);
      assertThat(llm.path("Message").asText()).contains("memory budget");
      api.ok("ListAgents", "{}");

      // Every control answer comes back: what fits with 200, what does not with a documented 503.
      HttpResponse<String> all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.baseUrl() + "_mock/instances")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(all.statusCode()).isIn(200, 503);
      if (all.statusCode() == 503) {
        assertThat(all.body()).contains("memory budget").contains("/_mock/instances/{id}");
      }
      assertThat(console.toString(StandardCharsets.UTF_8)).as("a line in the log")
          .contains("memory budget reached").contains("MiB");

      // Deleting the instances gives their memory back; new work is accepted again.
      for (String id : ids) {
        api.ok("DeleteAgentInstance", Bodies.id(id));
      }
      assertThat(server.info().getMemoryUsedBytes()).as("after deleting every instance").isLessThan(BUDGET / 4);
      String fresh = api.ok("CreateAgentInstance", Bodies.instance("a", "fresh")).path("AgentInstanceId").asText();
      api.ok("AddAgentInstanceMsg", "{\"AgentInstanceId\":\"" + fresh + "\",\"Messages\":[" + message + "]}");
      server.reset();
      assertThat(server.info().getMemoryUsedBytes()).as("after a reset").isZero();
    }
  }

  @Test
  void aNewInstanceIsRefusedWithItsCreateCodeWhenNothingFits() {
    try (MockServer server = MockServer.start(TestServers.config().memoryBudget(2L << 20).maxConcurrentInstances(1000).build())) {
      RawApi api = new RawApi(server);
      // An agent whose LLM configuration is large: every instance copies it.
      String prompt = "p".repeat(100_000);
      api.ok("RegisterAgent", "{\"AgentId\":\"big\",\"LLM\":{\"Url\":\"https://x.example/v1\",\"ApiKey\":\"k\",\"Model\":\"m\","
          + "\"SystemPrompt\":\"" + prompt + "\"},\"TTS\":" + Bodies.TTS + "}");
      int created = 0;
      String refused = null;
      for (int i = 0; i < 50 && refused == null; i++) {
        JsonNode r = api.call("CreateAgentInstance", Bodies.instance("big", String.valueOf(i)));
        if (r.path("Code").asInt() == 0) {
          created++;
        } else {
          assertThat(r.path("Code").asInt()).isEqualTo(Codes.INSTANCE_CREATE_FAILED);
          refused = r.path("Message").asText();
        }
      }
      assertThat(refused).isNotNull().contains("memory budget");
      assertThat(created).isPositive();
      server.reset();
      assertThat(server.info().getMemoryUsedBytes()).isZero();
    }
  }
}
