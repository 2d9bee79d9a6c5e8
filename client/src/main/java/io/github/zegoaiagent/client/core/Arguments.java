package io.github.zegoaiagent.client.core;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders of every package (the same message everywhere). */
public final class Arguments {

  private Arguments() { }

  /**
   * @param d a duration
   * @param name its setting's name, for the message
   * @return d
   * @throws IllegalArgumentException when d is zero or negative
   */
  public static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
