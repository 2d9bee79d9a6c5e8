package io.github.zegoaiagent.client.validate;

/**
 * One broken constraint.
 *
 * @param path JSON path of the field as sent on the wire, e.g. {@code RTC.AgentUserId} or
 *     {@code MessageHistory.Messages[3].Role}
 * @param problem what is wrong, with the offending size or value and the limit, e.g.
 *     {@code length 33 exceeds maxLength 32}
 */
public record Violation(String path, String problem) {

  @Override
  public String toString() {
    return path + ": " + problem;
  }
}
