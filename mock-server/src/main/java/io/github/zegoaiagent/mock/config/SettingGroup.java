package io.github.zegoaiagent.mock.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A group of settings and the immutable record made from their values: how
 * {@code MockServerConfig} is assembled. A new group is a record with its {@link Setting}
 * constants and one {@code GROUP} constant, listed in {@code MockServerConfig}'s groups.
 *
 * @param name short name, e.g. {@code gateway} (the section of {@code --help} and the README)
 * @param settings its settings, in documentation order
 * @param factory makes the record from resolved values (cross-setting checks go here)
 * @param <R> the record type
 */
public record SettingGroup<R>(String name, List<Setting<?>> settings, Function<Values, R> factory) {
  /** Copies the list. */
  public SettingGroup {
    Objects.requireNonNull(name);
    settings = List.copyOf(settings);
    Objects.requireNonNull(factory);
  }

  /**
   * @param name group name
   * @param factory makes the record
   * @param settings the group's settings
   * @param <R> record type
   * @return the group
   */
  public static <R> SettingGroup<R> of(String name, Function<Values, R> factory, Setting<?>... settings) {
    return new SettingGroup<>(name, List.of(settings), factory);
  }

  /** Resolved values of settings (every setting has one; defaults applied). */
  @FunctionalInterface
  public interface Values {
    /**
     * @param setting a setting
     * @param <T> its type
     * @return its value (null only where the setting's default is "none")
     */
    <T> T get(Setting<T> setting);
  }
}
