package io.github.zegoaiagent.client.readme;

import io.github.zegoaiagent.client.CallOptions;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The async, options and listener example of client/README.md, verbatim between the markers. */
final class ReadmeAsyncExample {

  private ReadmeAsyncExample() { }

  static long run(URI endpoint, long appId, String serverSecret, String instanceId, List<String> metrics) {
    // README-BEGIN
    ZegoAiAgentClient client = ZegoAiAgentClient.builder()
        .appId(appId)
        .serverSecret(serverSecret)
        .endpoint(endpoint)
        .timeout(Duration.ofSeconds(10))    // one deadline per attempt: connect, send, whole answer
        .listener(new CallListener() {      // metrics, tracing, logging: never sees a secret
          @Override
          public void onSuccess(CallEvent e) {
            metrics.add(e.action() + " attempt " + e.attempt() + " RequestId " + e.requestId());
          }
        })
        .build();

    CompletableFuture<Long> round = client.async().control()
        .sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(instanceId).text("Hello!"))
        .thenApply(answer -> answer.getData().getRound());

    ZegoAiAgentClient hurried = client.withOptions(CallOptions.builder()
        .timeout(Duration.ofSeconds(2))
        .retryPolicy(RetryPolicy.none())
        .build());
    hurried.control().interruptAgentInstance(new AgentInstanceIdRequest().agentInstanceId(instanceId));
    // README-END
    long r = round.join();
    client.close();
    return r;
  }
}
