package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.values.LlmReply;


import java.time.Duration;

/**
 * The settings the simulation reads: limits, caps and the simulated voice and LLM. Implemented by
 * {@code MockServerConfig}; an interface here so this package does not depend on the module's
 * root package (no package cycles).
 */
public interface SimulationSettings {
  /** @return voice + digital-human instances per App at once */
  int maxConcurrentInstances();

  /** @return digital-human + live instances per App at once */
  int maxConcurrentDigitalHumans();

  /** @return Enqueue requests that may wait */
  int enqueueMax();

  /** @return registered agents kept per App */
  int maxAgents();

  /** @return characters of stored agent JSON per App */
  long maxAgentBytes();

  /** @return context messages kept per instance */
  int maxContextMessages();

  /** @return characters of context kept per instance */
  long maxContextBytes();

  /** @return spoken texts remembered per instance */
  int maxSpokenTexts();

  /** @return walkie-talkie users tracked per instance */
  int maxUsersPerInstance();

  /** @return the simulated LLM at start */
  LlmReply llmReply();

  /** @return how long the simulated LLM thinks */
  Duration llmThinkTime();

  /** @return speaking time per character */
  Duration speechPerCharacter();

  /** @return what the simulated user says in a walkie-talkie turn */
  String userUtterance();

  /** @return default of AddAnswerToHistory, or null for the contract's */
  Boolean addAnswerToHistoryDefault();
}
