package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No request can stall another: work on one instance holds that instance only (not the agents,
 * other instances, creations, the control API), and a control call that waits (the clock's move
 * waiting for LLM answers) holds no event-loop thread. Each case keeps one call busy on purpose
 * (a simulated LLM that answers only when released, an LLM endpoint that does not answer) and
 * shows the others are answered meanwhile; before, they all waited for the one global lock or
 * for the event loop.
 */
class ConcurrencyTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void anInstanceBusyWithItsLlmStallsNoOtherCall() throws Exception {
    try (MockServer server = MockServer.start(TestServers.config().build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("a"));
      String busy = api.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      String other = api.ok("CreateAgentInstance", Bodies.instance("a", "2")).path("AgentInstanceId").asText();
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      server.setLlmReply((question, prompt, window) -> {
        entered.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "Done.";
      });
      CompletableFuture<JsonNode> slow = CompletableFuture.supplyAsync(() -> api.call("SendAgentInstanceLLM",
          Bodies.llm(busy, "think hard", "")));
      assertThat(entered.await(30, TimeUnit.SECONDS)).as("the LLM call is being answered").isTrue();
      try {
        // While that instance is busy, everything else is answered.
        assertThat(api.ok("ListAgents", "{}").path("Total").asInt()).isEqualTo(1);
        api.ok("RegisterAgent", Bodies.agent("b"));
        api.ok("SendAgentInstanceTTS", Bodies.tts(other, "meanwhile", ""));
        api.ok("QueryAgentInstanceStatus", Bodies.id(other));
        String third = api.ok("CreateAgentInstance", Bodies.instance("b", "3")).path("AgentInstanceId").asText();
        api.ok("DeleteAgentInstance", Bodies.id(third));
        assertThat(server.instance(other).getStatus()).isEqualTo("SPEAKING");
        assertThat(get(server, "_mock/instances/" + other).statusCode()).isEqualTo(200);
        assertThat(get(server, "_mock/health").statusCode()).isEqualTo(200);
        assertThat(server.journal()).isNotEmpty();
        assertThat(slow).as("the busy call is still being answered").isNotDone();
      } finally {
        release.countDown();
      }
      assertThat(slow.get(30, TimeUnit.SECONDS).path("Code").asInt()).isZero();
    }
  }

  @Test
  void theClockWaitingForAnLlmAnswerHoldsNoEventLoop() throws Exception {
    LocalLlmServer llm = LocalLlmServer.start();
    // One event-loop thread: anything waiting on it would hold every connection.
    try (MockServer server = MockServer.start(TestServers.config().threads(1).llmForward(true)
        .llmTimeout(Duration.ofSeconds(60)).build())) {
      llm.mode(LocalLlmServer.Mode.HANG); // answers one chunk, then nothing until closed
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", "{\"AgentId\":\"a\",\"LLM\":{\"Url\":\"" + llm.url() + "\",\"ApiKey\":\"k\",\"Model\":\"m\"},\"TTS\":"
          + Bodies.TTS + "}");
      String id = api.ok("CreateAgentInstance", Bodies.instance("a", "1")).path("AgentInstanceId").asText();
      api.ok("SendAgentInstanceLLM", Bodies.llm(id, "hello", ""));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (llm.received().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(llm.received()).as("the turn went to the LLM").hasSize(1);
      // The clock's move waits for the answer in flight (ADR 0011) ...
      CompletableFuture<HttpResponse<String>> advance = HTTP.sendAsync(HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "_mock/clock/advance"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":1000}")).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(200); // let it reach the mock and start waiting
      // ... and meanwhile the same (only) event loop answers everyone else.
      assertThat(api.ok("ListAgents", "{}").path("Total").asInt()).isEqualTo(1);
      assertThat(get(server, "_mock/health").statusCode()).isEqualTo(200);
      assertThat(advance).as("the clock's move is still waiting for the LLM").isNotDone();
      llm.close(); // the endpoint goes away: the turn fails, the clock moves on
      assertThat(advance.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      llm.close();
    }
  }

  static HttpResponse<String> get(MockServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
