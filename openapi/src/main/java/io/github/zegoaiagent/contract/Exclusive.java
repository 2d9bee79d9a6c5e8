package io.github.zegoaiagent.contract;

import java.util.List;

/**
 * An {@code x-zego-exclusive} list on an object schema: properties that are alternatives. A
 * request sends one of them; when it sends several, the first listed takes effect and the others
 * are ignored (e.g. {@code [CDN, RTC]} of CreateLiveDigitalHumanAgentInstance: with both, CDN wins).
 *
 * @param schema JSON pointer of the object schema
 * @param properties the alternatives, the winning one first
 */
public record Exclusive(String schema, List<String> properties) {

  /** Copies the list. */
  public Exclusive {
    properties = List.copyOf(properties);
  }

  /**
   * @param property one of the alternatives
   * @return the other alternatives (what to leave out so that {@code property} takes effect)
   */
  public List<String> othersThan(String property) {
    return properties.stream().filter(p -> !p.equals(property)).toList();
  }
}
