package io.github.zegoaiagent.client.e2e;

import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;

/** A valid agent to register on the mock, shared by the end-to-end tests and the client's own tests. */
public final class E2eAgents {

  private E2eAgents() { }

  /**
   * @param id the AgentId
   * @return a RegisterAgent request the mock accepts
   */
  public static RegisterAgentRequest agent(String id) {
    try {
      return JsonCodec.newMapper().readValue("{\"AgentId\":\"" + id + "\",\"Name\":\"E2E\",\"LLM\":{\"Url\":"
          + "\"https://llm.example.com/v1/chat/completions\",\"ApiKey\":\"sk-e2e\",\"Model\":\"gpt-4o-mini\"},"
          + "\"TTS\":{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{\"appid\":\"a\",\"token\":\"t\","
          + "\"cluster\":\"volcano_tts\"}}}}", RegisterAgentRequest.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
