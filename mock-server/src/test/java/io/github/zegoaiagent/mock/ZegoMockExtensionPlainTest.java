package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one extension registered alone: {@code @ZegoMockTest}'s defaults (fixed clock, no QPS
 * limit), one mock for this class, every part injectable; {@code MockControl} is the server.
 */
@ExtendWith(ZegoMockExtension.class)
class ZegoMockExtensionPlainTest {
  @Test
  void injectsTheMockAndItsPartsWithTheAnnotationsDefaults(ZegoMock mock, MockServer server, MockControl control,
      MockControlClient http) {
    assertThat(mock.server()).isSameAs(server);
    assertThat(control).isSameAs(server);
    assertThat(http.baseUrl()).isEqualTo(server.baseUrl());
    assertThat(server.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(server.config().gateway().qpsLimit()).isZero();
    assertThat(http.info().getAppIds()).containsExactlyElementsOf(control.info().getAppIds());
  }
}
