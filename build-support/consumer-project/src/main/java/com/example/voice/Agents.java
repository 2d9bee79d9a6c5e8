package com.example.voice;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import java.net.URI;

/** Application code of the consumer project: uses only the client's public API. */
public final class Agents implements AutoCloseable {
  private final ZegoAiAgentClient client;

  public Agents(long appId, String serverSecret, URI endpoint) {
    this.client = ZegoAiAgentClient.builder()
        .appId(appId)
        .serverSecret(serverSecret)
        .endpoint(endpoint)
        .build();
  }

  /** @return how many agents the App has registered */
  public int count() {
    return client.agents().listAgents(new ListAgentsRequest()).getData().getTotal();
  }

  @Override
  public void close() {
    client.close();
  }
}
