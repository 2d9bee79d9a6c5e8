package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.control.model.Fault;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An injected {@code Fault.delay} holds its answer back on the simulation clock's timer: with ONE
 * event loop, four delayed ListAgents leave an unrelated call answered while all four still wait,
 * and they are answered once the mock's clock has moved by the delay. Order, not speed, is
 * asserted.
 */
class FaultDelayTest {
  @Test
  void delayedAnswersDoNotHoldTheServer() throws Exception {
    try (MockServer mock = MockServer.start(TestServers.config().threads(1).build())) {
      mock.addFault(new Fault().action("ListAgents").count(4).delayMillis((Duration.ofSeconds(8)).toMillis()));
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<CompletableFuture<HttpResponse<String>>> delayed = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        delayed.add(client.sendAsync(HttpRequest.newBuilder(mock.signedUri("ListAgents"))
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      // All four reached the pipeline (journalled, fault consumed) before the unrelated call.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (mock.journal().size() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(mock.journal()).hasSize(4);
      assertThat(mock.faults()).isEmpty();

      HttpResponse<String> other = client.send(HttpRequest.newBuilder(mock.signedUri("QueryAgents"))
          .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"AgentIds\":[\"a\"]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(RawApi.JSON.readTree(other.body()).path("Code").asInt()).isZero();
      assertThat(delayed).as("the delayed answers are still held back").noneMatch(CompletableFuture::isDone);
      // The delay follows the mock's (fixed) clock: nothing comes until it has moved 8 s.
      mock.advanceClock(Duration.ofSeconds(7));
      Thread.sleep(200);
      assertThat(delayed).as("7 s of mock time are not enough").noneMatch(CompletableFuture::isDone);
      mock.advanceClock(Duration.ofSeconds(1));
      // And they do come, each with its envelope.
      for (CompletableFuture<HttpResponse<String>> f : delayed) {
        assertThat(RawApi.JSON.readTree(f.get(60, TimeUnit.SECONDS).body()).path("Code").asInt()).isZero();
      }
    }
  }
}
