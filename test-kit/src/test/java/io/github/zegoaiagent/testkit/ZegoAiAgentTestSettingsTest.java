package io.github.zegoaiagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code @ZegoMockTest(...)} next to {@code @ZegoAiAgentTest} sets the mock up; the client follows. */
@ZegoAiAgentTest
@ZegoMockTest(fixedClock = "2031-07-01T12:00:00Z", strict = true, callbacks = false)
class ZegoAiAgentTestSettingsTest {
  @Test
  void theSettingsOfTheDirectAnnotationWin(ZegoAiAgentClient client, ZegoMock mock) {
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2031-07-01T12:00:00Z"));
    assertThat(mock.server().config().gateway().strict()).isTrue();
    assertThat(mock.callbacks()).isNull();
    // Strict nonces and a clock five years from now: the client still gets through.
    assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();
    assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();
  }
}
