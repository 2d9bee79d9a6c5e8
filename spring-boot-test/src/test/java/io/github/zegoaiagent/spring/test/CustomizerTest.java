package io.github.zegoaiagent.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.spring.ZegoAiAgentClock;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.Mockito;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

/** The context customizer and the extension without a Spring test around them. */
class CustomizerTest {

  @AutoConfigureZegoMock
  static class Plain { }

  @AutoConfigureZegoMock
  static class AlsoPlain { }

  @AutoConfigureZegoMock(fixedClock = "2026-01-01T00:00:00Z")
  static class Fixed { }

  @AutoConfigureZegoMock(fixedClock = "yesterday")
  static class BadClock { }

  static class Without { }

  final ZegoMockContextCustomizerFactory factory = new ZegoMockContextCustomizerFactory();

  @Test
  void equalSettingsShareTheCachedContextOtherSettingsDoNot() {
    ContextCustomizer plain = factory.createContextCustomizer(Plain.class, List.of());
    assertThat(plain).isEqualTo(factory.createContextCustomizer(AlsoPlain.class, List.of()))
        .hasSameHashCodeAs(factory.createContextCustomizer(AlsoPlain.class, List.of()));
    assertThat(plain).isNotEqualTo(factory.createContextCustomizer(Fixed.class, List.of()));
    assertThat(factory.createContextCustomizer(Without.class, List.of())).isNull();
    assertThatThrownBy(() -> factory.createContextCustomizer(BadClock.class, List.of()))
        .hasMessageContaining("fixedClock = \"yesterday\"").hasMessageContaining("ISO-8601");
  }

  @Test
  void theMockLivesAndDiesWithItsContextAlsoAFailedOne() throws Exception {
    GenericApplicationContext ctx = new GenericApplicationContext();
    factory.createContextCustomizer(Fixed.class, List.of()).customizeContext(ctx, null);
    ctx.refresh();
    ZegoMock mock = ctx.getBean(ZegoMock.class);
    assertThat(ctx.getBean(ZegoAiAgentClock.class).clock().instant()).isEqualTo(mock.clock().instant());
    assertThat(ctx.getEnvironment().getProperty("zego.aiagent.server-secret")).isEqualTo(mock.serverSecret());
    assertThat(ctx.getEnvironment().getProperty("zego.aiagent.region")).isEmpty();
    int port = mock.server().port();
    ctx.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

    GenericApplicationContext failing = new GenericApplicationContext();
    factory.createContextCustomizer(Plain.class, List.of()).customizeContext(failing, null);
    failing.registerBean("broken", Object.class, () -> {
      throw new IllegalStateException("broken bean");
    });
    int failingPort = ((ZegoMock) failing.getBeanFactory().getSingleton("zegoMock")).server().port();
    assertThatThrownBy(failing::refresh).hasRootCauseMessage("broken bean");
    assertThatThrownBy(() -> new Socket("127.0.0.1", failingPort).close()).isInstanceOf(ConnectException.class);
  }

  @ZegoMockTest
  @AutoConfigureZegoMock
  static class TwoMocks { }

  @Test
  void bothAnnotationsAreRefusedWithWhatToDo() {
    ExtensionContext c = Mockito.mock(ExtensionContext.class);
    Mockito.<Class<?>>when(c.getRequiredTestClass()).thenReturn(TwoMocks.class);
    assertThatThrownBy(() -> new ZegoMockSpringExtension().beforeAll(c))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("Keep @AutoConfigureZegoMock alone");
  }
}
