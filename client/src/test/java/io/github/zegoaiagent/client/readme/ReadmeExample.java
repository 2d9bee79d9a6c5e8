package io.github.zegoaiagent.client.readme;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoAgentListeningException;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.Priority;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import java.net.URI;
import java.util.Map;

/** The usage example of client/README.md, verbatim between the markers (ReadmeExampleTest checks it). */
final class ReadmeExample {

  private ReadmeExample() { }

  static long run(URI endpoint, long appId, String serverSecret, String llmKey, String ttsKey) {
    // README-BEGIN
    ZegoAiAgentClient client = ZegoAiAgentClient.builder()
        .appId(appId)
        .serverSecret(serverSecret)
        .endpoint(endpoint)                 // or .region(Region.SINGAPORE)
        .build();

    client.agents().registerAgent(new RegisterAgentRequest()
        .agentId("xiaozhi")
        .name("Jacky")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey(llmKey).model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX)
            .params(new TTSParams().app(Map.of("api_key", ttsKey)))));

    String instanceId = client.instances().createAgentInstance(new CreateAgentInstanceRequest()
            .agentId("xiaozhi")
            .userId("user_1")
            .rtc(new RTC().roomId("room_1").agentStreamId("agent_stream_1")
                .agentUserId("agent_user_1").userStreamId("user_stream_1")))
        .getData().getAgentInstanceId();

    long round = -1;
    try {
      round = client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest()
              .agentInstanceId(instanceId)
              .text("Hello! How can I help?")
              .priority(Priority.HIGH))
          .getData().getRound();
    } catch (ZegoAgentListeningException e) {
      // A walkie-talkie turn is open (410001013): speak after StopListening.
    } catch (ZegoApiException e) {
      System.err.println(e.action() + " failed: Code " + e.code() + ", RequestId " + e.requestId());
    }
    // README-END
    client.close();
    return round;
  }
}
