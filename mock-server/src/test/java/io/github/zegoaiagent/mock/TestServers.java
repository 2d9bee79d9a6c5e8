package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Instant;

/** Servers for tests: a clock that only moves when told, no QPS limit unless asked. */
final class TestServers {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private TestServers() {
  }

  static MockServerConfig.Builder config() {
    return MockServerConfig.builder()
        .clock(MockClock.fixed(START))
        .credential(1234567890L, "0123456789abcdef0123456789abcdef")
        .qpsLimit(0)
        .threads(4);
  }

  /**
   * The same settings for a {@code @ZegoMockTest} class (whose annotation already fixes the clock
   * at {@link #START} and switches the QPS limit off): {@code configure = TestServers.Defaults.class},
   * or a class's own configurer that calls {@link #defaults}.
   */
  static final class Defaults implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      defaults(b);
    }
  }

  /** @param b a {@code @ZegoMockTest} configuration @return it, with the credential and threads above */
  static MockServerConfig.Builder defaults(MockServerConfig.Builder b) {
    return b.credential(1234567890L, "0123456789abcdef0123456789abcdef").threads(4);
  }

  static MockServer start() {
    return MockServer.start(config().build());
  }

  /** @return whether the instance runs (the control API answers 404 when it does not) */
  static boolean runs(io.github.zegoaiagent.mock.control.MockControl control, String agentInstanceId) {
    try {
      control.instance(agentInstanceId);
      return true;
    } catch (io.github.zegoaiagent.mock.control.MockControlException e) {
      if (e.status() != 404) {
        throw e;
      }
      return false;
    }
  }
}
