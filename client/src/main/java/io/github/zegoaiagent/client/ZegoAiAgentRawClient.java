package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.api.AgentsApiRaw;
import io.github.zegoaiagent.client.api.InstanceControlApiRaw;
import io.github.zegoaiagent.client.api.InstancesApiRaw;
import io.github.zegoaiagent.client.internal.CallPipeline;
import io.github.zegoaiagent.client.internal.generated.Invokers;

/**
 * The raw face of a {@link ZegoAiAgentClient} (from {@link ZegoAiAgentClient#withRawAnswer()}):
 * the same 19 actions, validation, signing, retries and exceptions, each returning a
 * {@link io.github.zegoaiagent.client.core.RawAnswer} with the HTTP status, headers, RequestId and
 * body of the answer beside the decoded value. Shares the client's connections and options.
 *
 * <pre>{@code
 * RawAnswer<ListAgentsResponse> raw = client.withRawAnswer().agents().listAgents(new ListAgentsRequest());
 * String requestId = raw.requestId();
 * Optional<String> date = raw.header("Date");
 * }</pre>
 */
public final class ZegoAiAgentRawClient {

  private final AgentsApiRaw agents;
  private final InstancesApiRaw instances;
  private final InstanceControlApiRaw control;

  ZegoAiAgentRawClient(CallPipeline pipeline) {
    this.agents = new Invokers.AgentsApiRawImpl(pipeline);
    this.instances = new Invokers.InstancesApiRawImpl(pipeline);
    this.control = new Invokers.InstanceControlApiRawImpl(pipeline);
  }

  /** @return RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents */
  public AgentsApiRaw agents() {
    return agents;
  }

  /** @return CreateAgentInstance and its digital-human variants, UpdateAgentInstance, DeleteAgentInstance */
  public InstancesApiRaw instances() {
    return instances;
  }

  /** @return the instance-control actions: LLM/TTS triggers, status, interrupt, context, walkie-talkie */
  public InstanceControlApiRaw control() {
    return control;
  }
}
