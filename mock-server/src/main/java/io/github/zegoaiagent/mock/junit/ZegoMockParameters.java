package io.github.zegoaiagent.mock.junit;

import java.util.Set;
import java.util.function.Supplier;

/**
 * More parameter types for {@link ZegoMockExtension}, found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.github.zegoaiagent.mock.junit.ZegoMockParameters} file), so a
 * module built on the mock (the {@code zego-aiagent-test-kit}'s client) adds what it injects to
 * the one extension instead of registering another.
 */
public interface ZegoMockParameters {
  /** @return the parameter types this provider resolves */
  Set<Class<?>> types();

  /**
   * @param type one of {@link #types()}
   * @param mock the test class's mock
   * @param scope values kept for as long as that mock runs
   * @return the value to inject
   */
  Object resolve(Class<?> type, ZegoMock mock, Scope scope);

  /** Values that live as long as one mock; an {@link AutoCloseable} one is closed with it. */
  interface Scope {
    /**
     * @param key a name unique to the provider
     * @param value makes the value the first time
     * @param <T> its type
     * @return the value kept under {@code key}
     */
    <T> T computeIfAbsent(String key, Supplier<T> value);
  }
}
