package io.github.zegoaiagent.contract;

import java.util.List;

/**
 * A property marked {@code x-zego-secret: true}, reached from an action's request schema.
 *
 * @param path wire property names from the body root, e.g. {@code [LLM, ApiKey]}; {@code *}
 *     stands for any key of a map ({@code additionalProperties}); arrays are transparent (the
 *     path applies to every item)
 * @param schema JSON pointer of the property schema carrying the mark
 */
public record SecretPath(List<String> path, String schema) {

  /** Copies the path. */
  public SecretPath {
    path = List.copyOf(path);
  }

  /** @return the property name, e.g. {@code ApiKey} */
  public String name() {
    return path.get(path.size() - 1);
  }

  /** @return the dotted wire path, e.g. {@code LLM.ApiKey} */
  public String dotted() {
    return String.join(".", path);
  }
}
