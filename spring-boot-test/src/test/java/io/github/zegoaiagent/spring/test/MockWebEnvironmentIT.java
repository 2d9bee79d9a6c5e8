package io.github.zegoaiagent.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.spring.test.app.BackendApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without a web server (the default MOCK environment) there is no port to deliver to: the mock's
 * callbacks go to the sink, verified there; and with a fixed clock the application still signs
 * valid calls, two hours on as well.
 */
@SpringBootTest(classes = BackendApplication.class, properties = "spring.config.name=backend")
@AutoConfigureZegoMock(fixedClock = "2026-01-01T00:00:00Z", resetBeforeEachTest = false)
class MockWebEnvironmentIT {

  @Autowired ZegoAiAgentClient client;
  @Autowired BackendApplication.Events events;

  @Test
  void callbacksGoToTheSinkAndAFixedClockStillSigns(ZegoMock mock) {
    assertThat(mock.clock().instant()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    client.agents().registerAgent(AutoConfigureZegoMockIT.agent("mockenv"));
    String id = AutoConfigureZegoMockIT.createInstance(client, "mockenv", "m");
    assertThat(mock.callbacks().await("AgentInstanceCreated", Duration.ofSeconds(10)).path("AgentInstanceId").asText())
        .isEqualTo(id);
    assertThat(mock.server().callbackUrl()).isEqualTo(mock.callbacks().url());
    mock.advanceClock(Duration.ofHours(2));
    assertThat(AutoConfigureZegoMockIT.createInstance(client, "mockenv", "n")).isNotBlank();
    assertThat(events.received).isEmpty();
  }
}
