package io.github.zegoaiagent.mock.internal.state;

/** Which create action made an instance. */
public enum InstanceKind {
  /** CreateAgentInstance. */
  VOICE,
  /** CreateDigitalHumanAgentInstance. */
  DIGITAL_HUMAN,
  /** CreateLiveDigitalHumanAgentInstance: driven only by SendAgentInstanceTTS. */
  LIVE_DIGITAL_HUMAN
}
