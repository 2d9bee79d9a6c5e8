package io.github.zegoaiagent.mock;

// mock-server/README.md, "JUnit 5": verbatim between the markers (ReadmeExamplesTest checks it).
// README-BEGIN
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@ZegoMockTest
class ReadmeKitExampleTest {
  @Test
  void greets(ZegoMock mock, MockControlClient control) {
    // Your code under test, with a client built from mock.baseUrl(), appId(), serverSecret()
    // and clock() (or use @ZegoAiAgentTest from zego-aiagent-test-kit: it injects that client).
    String id = YourBackend.greet(mock.baseUrl(), mock.appId(), mock.serverSecret(), mock.clock(), "Hello!");

    mock.advanceClock(Duration.ofSeconds(5));            // the agent finishes speaking
    assertThat(control.instance(id).getSpokenTexts())
        .extracting(SpokenText::getText).containsExactly("Hello!");
    JsonNode created = mock.callbacks().await("AgentInstanceCreated", Duration.ofSeconds(5));
    assertThat(created.path("AgentInstanceId").asText()).isEqualTo(id);

    control.addFault(new Fault().action("CreateAgentInstance").code(410001003));
  }
}
// README-END
