package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.values.LlmReply;
import java.time.Duration;

/**
 * What the simulation reads of a configuration (limits, caps, the simulated voice and LLM), as
 * the interface of {@code internal.simulate}, which must not depend on this package.
 */
final class SimulationView implements io.github.zegoaiagent.mock.internal.simulate.SimulationSettings {
  private final MockServerConfig c;

  SimulationView(MockServerConfig c) {
    this.c = c;
  }

  @Override
  public int maxConcurrentInstances() {
    return c.limits().maxConcurrentInstances();
  }

  @Override
  public int maxConcurrentDigitalHumans() {
    return c.limits().maxConcurrentDigitalHumans();
  }

  @Override
  public int enqueueMax() {
    return c.limits().enqueueMax();
  }

  @Override
  public int maxAgents() {
    return c.caps().maxAgents();
  }

  @Override
  public long maxAgentBytes() {
    return c.caps().maxAgentBytes();
  }

  @Override
  public int maxContextMessages() {
    return c.caps().maxContextMessages();
  }

  @Override
  public long maxContextBytes() {
    return c.caps().maxContextBytes();
  }

  @Override
  public int maxSpokenTexts() {
    return c.caps().maxSpokenTexts();
  }

  @Override
  public int maxUsersPerInstance() {
    return c.caps().maxUsersPerInstance();
  }

  @Override
  public LlmReply llmReply() {
    return c.simulation().llmReply();
  }

  @Override
  public Duration llmThinkTime() {
    return c.simulation().llmThinkTime();
  }

  @Override
  public Duration speechPerCharacter() {
    return c.simulation().speechPerCharacter();
  }

  @Override
  public String userUtterance() {
    return c.simulation().userUtterance();
  }

  @Override
  public Boolean addAnswerToHistoryDefault() {
    return c.simulation().addAnswerToHistoryDefault();
  }
}
