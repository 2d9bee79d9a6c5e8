package io.github.zegoaiagent.testkit.readme;

// The example of test-kit/README.md and the root README, verbatim between the markers
// (ReadmeTest checks both READMEs contain it).
// README-BEGIN
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.testkit.ZegoAiAgentTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ZegoAiAgentTest
class GreetingTest {
  @Test
  void theAgentGreetsTheUser(ZegoAiAgentClient client, ZegoMock mock) {
    client.agents().registerAgent(new RegisterAgentRequest()
        .agentId("greeter")
        .name("Greeter")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-test").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "tts-test")))));
    String id = client.instances().createAgentInstance(new CreateAgentInstanceRequest()
            .agentId("greeter")
            .userId("user_1")
            .rtc(new RTC().roomId("room_1").agentStreamId("agent_stream_1")
                .agentUserId("agent_user_1").userStreamId("user_stream_1")))
        .getData().getAgentInstanceId();

    client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(id).text("Hello!"));
    mock.advanceClock(Duration.ofSeconds(5));          // the mock's clock (and the client's) moves on

    assertThat(mock.control().instance(id).getSpokenTexts())
        .extracting(SpokenText::getText).containsExactly("Hello!");
    assertThat(mock.callbacks().await("AgentInstanceCreated", Duration.ofSeconds(5))
        .path("AgentInstanceId").asText()).isEqualTo(id);
  }
}
// README-END
