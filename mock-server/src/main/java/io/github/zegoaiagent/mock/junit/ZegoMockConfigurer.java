package io.github.zegoaiagent.mock.junit;

import io.github.zegoaiagent.mock.MockServerConfig;

/**
 * Changes the configuration a {@link ZegoMockTest} class's mock starts with, beyond the
 * annotation's own settings: caps, timings, credentials, concurrency limits.
 *
 * <pre>{@code
 * @ZegoMockTest(configure = MyTest.SmallCaps.class)
 * class MyTest {
 *   static final class SmallCaps implements ZegoMockConfigurer {
 *     public void configure(MockServerConfig.Builder b) {
 *       b.maxAgents(12).speechPerCharacter(Duration.ofMillis(10));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>An implementation needs a constructor without arguments (any visibility). It runs after the
 * annotation's settings are applied, so it may also change those.
 */
@FunctionalInterface
public interface ZegoMockConfigurer {
  /** @param builder the configuration so far; change it in place */
  void configure(MockServerConfig.Builder builder);

  /** The default: the annotation's settings only. */
  final class None implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder builder) {
      // nothing beyond the annotation
    }
  }
}
