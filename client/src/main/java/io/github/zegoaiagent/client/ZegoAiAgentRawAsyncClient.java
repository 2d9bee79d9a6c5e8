package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.api.AgentsApiRawAsync;
import io.github.zegoaiagent.client.api.InstanceControlApiRawAsync;
import io.github.zegoaiagent.client.api.InstancesApiRawAsync;
import io.github.zegoaiagent.client.internal.CallPipeline;
import io.github.zegoaiagent.client.internal.generated.Invokers;

/**
 * The raw face of a {@link ZegoAiAgentAsyncClient} (from
 * {@link ZegoAiAgentAsyncClient#withRawAnswer()}): each action returns a {@code CompletableFuture}
 * of its {@link io.github.zegoaiagent.client.core.RawAnswer}. Same rules as the async client:
 * cancelling a future aborts its exchange and any retry.
 */
public final class ZegoAiAgentRawAsyncClient {

  private final AgentsApiRawAsync agents;
  private final InstancesApiRawAsync instances;
  private final InstanceControlApiRawAsync control;

  ZegoAiAgentRawAsyncClient(CallPipeline pipeline) {
    this.agents = new Invokers.AgentsApiRawAsyncImpl(pipeline);
    this.instances = new Invokers.InstancesApiRawAsyncImpl(pipeline);
    this.control = new Invokers.InstanceControlApiRawAsyncImpl(pipeline);
  }

  /** @return RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents */
  public AgentsApiRawAsync agents() {
    return agents;
  }

  /** @return CreateAgentInstance and its digital-human variants, UpdateAgentInstance, DeleteAgentInstance */
  public InstancesApiRawAsync instances() {
    return instances;
  }

  /** @return the instance-control actions: LLM/TTS triggers, status, interrupt, context, walkie-talkie */
  public InstanceControlApiRawAsync control() {
    return control;
  }
}
