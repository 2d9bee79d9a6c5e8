package com.example.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.testkit.ZegoAiAgentTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test kit in the consumer's test JVM, as test-kit/README.md shows it. */
@ZegoAiAgentTest
class KitTest {
  @Test
  void theInjectedClientFollowsTheMocksClock(ZegoAiAgentClient client, ZegoMock mock) {
    mock.advanceClock(Duration.ofHours(1));
    assertEquals(0, client.agents().listAgents(new ListAgentsRequest()).getCode().intValue());
  }
}
