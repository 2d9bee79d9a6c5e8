package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one server per class, reset before each test, injected. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZegoMockExtensionRegisteredTest {
  @RegisterExtension
  static ZegoMockExtension mock = ZegoMockExtension.with(() -> TestServers.config().build());

  static int port;

  @Test
  @Order(1)
  void injectedAndRunning(MockServer server) {
    assertThat(server).isSameAs(mock.server());
    port = server.port();
    new RawApi(server).ok("RegisterAgent", Bodies.agent("ext"));
    assertThat(server.agents()).hasSize(1);
  }

  @Test
  @Order(2)
  void sameServerButResetBetweenTests(MockServer server) {
    assertThat(server.port()).isEqualTo(port);
    assertThat(server.agents()).isEmpty();
    assertThat(server.journal()).isEmpty();
  }
}
