package io.github.zegoaiagent.contract;

import java.util.List;
import java.util.Map;

/**
 * The root {@code x-zego-limits}: service-wide numbers (QPS, concurrency, queue sizes, the
 * timestamp window, callback retry delays).
 *
 * @param numbers each single-number limit by name, in contract order
 * @param lists each list-valued limit by name (e.g. {@code callbackRetryDelaysSeconds})
 */
public record Limits(Map<String, Long> numbers, Map<String, List<Long>> lists) {

  /** Copies the maps. */
  public Limits {
    numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
    lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
  }

  /**
   * @param name a key of {@code x-zego-limits}
   * @return its value
   * @throws IllegalArgumentException naming the key when the contract has no such number or it
   *     does not fit an int
   */
  public int get(String name) {
    Long value = numbers.get(name);
    if (value == null) {
      throw new IllegalArgumentException("x-zego-limits." + name + " is not a number limit of the contract; it has "
          + numbers.keySet());
    }
    return Math.toIntExact(value);
  }

  /**
   * @param name a key of {@code x-zego-limits} holding a list
   * @return its values
   * @throws IllegalArgumentException naming the key when the contract has no such list
   */
  public List<Long> list(String name) {
    List<Long> value = lists.get(name);
    if (value == null) {
      throw new IllegalArgumentException("x-zego-limits." + name + " is not a list limit of the contract; it has "
          + lists.keySet());
    }
    return value;
  }

  /** @return {@code callbackRetryDelaysSeconds}: the waits before each callback retry */
  public List<Long> callbackRetryDelaysSeconds() {
    return list("callbackRetryDelaysSeconds");
  }
}
