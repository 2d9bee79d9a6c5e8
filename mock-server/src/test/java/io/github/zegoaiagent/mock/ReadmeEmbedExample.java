package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** mock-server/README.md, "Embed it": verbatim between the markers (ReadmeExamplesTest checks and runs it). */
final class ReadmeEmbedExample {
  /** The code under test: a backend that greets a user through an agent. */
  interface Backend {
    /** @return the AgentInstanceId it created */
    String greet(URI endpoint, long appId, String serverSecret, Clock clock, String text);
  }

  private ReadmeEmbedExample() {
  }

  static void run(Backend yourBackend) {
    // README-BEGIN
    try (MockServer mock = MockServer.start(MockServerConfig.builder()
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z")))   // time moves only when told
        .qpsLimit(0)                                                      // no rate limit in tests
        .credential(1234567890L, "0123456789abcdef0123456789abcdef")
        .build())) {
      // Your code under test, pointed at the mock (a client signing with the mock's clock):
      String id = yourBackend.greet(mock.baseUrl(), mock.appId(), mock.serverSecret(),
          mock.clock().asClock(), "Hello!");
      mock.advanceClock(Duration.ofSeconds(5));            // the agent finishes speaking
      Instance i = mock.instance(id);                      // status, context, spoken texts, ...
      assertThat(i.getSpokenTexts()).extracting(SpokenText::getText).containsExactly("Hello!");

      mock.addFault(new Fault().action("CreateAgentInstance").code(410001003));
      mock.addFault(new Fault().action("ListAgents").count(2).delayMillis(3_000L));
      mock.simulateUser(id, new UserSimulation().present(false));   // MaxIdleTime countdown starts
      mock.setLlmReply(SimulatedLlm.fixed("It is sunny."));
      mock.reset();                         // forget everything, clock back to its start
    }
    // README-END
  }
}
