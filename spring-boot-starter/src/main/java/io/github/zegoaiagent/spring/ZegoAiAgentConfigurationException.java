package io.github.zegoaiagent.spring;

import java.util.Objects;

/**
 * A {@code zego.aiagent.*} configuration that cannot work: half set (an AppID without its
 * ServerSecret, the callback endpoint switched on without its secret), contradictory (region and
 * endpoint) or out of range. Thrown at start; {@link ZegoAiAgentFailureAnalyzer} turns it into Spring
 * Boot's "Description / Action" report. Never carries a secret.
 */
public class ZegoAiAgentConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * @param property the property to change, e.g. {@code zego.aiagent.server-secret}
   * @param description what is wrong
   * @param action what to do about it
   */
  public ZegoAiAgentConfigurationException(String property, String description, String action) {
    super(Objects.requireNonNull(description, "description"));
    this.property = Objects.requireNonNull(property, "property");
    this.action = Objects.requireNonNull(action, "action");
  }

  /** @return the property to change */
  public String property() {
    return property;
  }

  /** @return what is wrong (the message) */
  public String description() {
    return getMessage();
  }

  /** @return what to do about it */
  public String action() {
    return action;
  }
}
