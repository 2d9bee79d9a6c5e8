package io.github.zegoaiagent.client.readme;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.core.RawAnswer;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;

/**
 * client/README.md's "From the environment, every agent, raw answers" example, verbatim with its
 * imports (ReadmeSnippetsTest checks it); FromEnvTest runs it in a child JVM with ZEGO_* set.
 */
public final class ReadmeEnvExample {

  private ReadmeEnvExample() { }

  public static void main(String[] args) {
    // README-BEGIN
    // ZEGO_APP_ID, ZEGO_SERVER_SECRET, and ZEGO_ENDPOINT (e.g. a mock's URL) or ZEGO_REGION (e.g. SINGAPORE)
    try (ZegoAiAgentClient client = ZegoAiAgentClient.fromEnv()) {
      for (AgentInfo agent : client.listAllAgents(new ListAgentsRequest().limit(10))) { // pages of 10, asked lazily
        System.out.println("agent " + agent.getAgentId());
      }

      RawAnswer<ListAgentsResponse> raw = client.withRawAnswer().agents().listAgents(new ListAgentsRequest());
      System.out.println("HTTP " + raw.statusCode() + ", RequestId " + raw.requestId() + ", "
          + raw.header("Content-Type").orElse("?") + ", " + raw.value().getData().getTotal() + " agents");
    }

    try (ZegoAiAgentAsyncClient client = ZegoAiAgentAsyncClient.fromEnv()) {
      client.listAllAgents(new ListAgentsRequest().limit(10))
          .forEach(agent -> System.out.println("async agent " + agent.getAgentId()))
          .join();
    }
    // README-END
  }
}
