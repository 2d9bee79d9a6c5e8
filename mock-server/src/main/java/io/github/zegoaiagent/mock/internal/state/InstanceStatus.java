package io.github.zegoaiagent.mock.internal.state;

/**
 * What an agent instance is doing, as QueryAgentInstanceStatus and the AgentInstanceStatus
 * callback report it: the values of the contract's {@code AgentStatus} schema (a test holds this
 * enum to that schema, so the two cannot drift apart).
 */
public enum InstanceStatus {
  /** Nothing plays, thinks or listens. */
  IDLE,
  /** A walkie-talkie turn is open (StartListening until StopListening). */
  LISTENING,
  /** The LLM is producing an answer (before speech starts). */
  THINKING,
  /** The agent is speaking (TTS or an LLM answer). */
  SPEAKING;

  /** @return the value on the wire, for example {@code "SPEAKING"} */
  public String wireValue() {
    return name();
  }
}
