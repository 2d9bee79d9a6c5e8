package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import io.github.zegoaiagent.mock.values.MockClock;
import java.lang.reflect.Constructor;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * The settings of one {@link AutoConfigureZegoMock}: part of the application context's cache key
 * (equal settings, same cached context and mock), and how to start that mock.
 */
record MockSettings(String fixedClock, int qpsLimit, boolean strict, boolean llmForward, boolean resetBeforeEachTest,
    String callbackPath, Class<? extends ZegoMockConfigurer> configure) {

  static MockSettings of(AutoConfigureZegoMock a) {
    if (!a.fixedClock().isEmpty()) {
      try {
        Instant.parse(a.fixedClock());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("@AutoConfigureZegoMock(fixedClock = \"" + a.fixedClock()
            + "\") is not an ISO-8601 instant such as 2026-01-01T00:00:00Z (empty = the system clock)", e);
      }
    }
    if (!a.callbackPath().isEmpty() && !a.callbackPath().startsWith("/")) {
      throw new IllegalArgumentException("@AutoConfigureZegoMock(callbackPath = \"" + a.callbackPath()
          + "\") must start with / (empty = the starter's zego.aiagent.callback.path)");
    }
    return new MockSettings(a.fixedClock(), a.qpsLimit(), a.strict(), a.llmForward(), a.resetBeforeEachTest(),
        a.callbackPath(), a.configure());
  }

  /**
   * Starts the mock: callbacks go to a {@link CallbackSink} until the application's endpoint is up.
   *
   * @return the runtime; closing it stops the mock and the sink
   */
  ZegoMock start() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String callbackSecret = HexFormat.of().formatHex(random);
    CallbackSink sink = new CallbackSink(callbackSecret);
    try {
      MockServerConfig.Builder b = MockServerConfig.builder().qpsLimit(qpsLimit).strict(strict).llmForward(llmForward)
          .clock(fixedClock.isEmpty() ? MockClock.system() : MockClock.fixed(Instant.parse(fixedClock)))
          .callbackUrl(sink.url()).callbackSecret(callbackSecret);
      configurer().configure(b);
      return ZegoMock.of(MockServer.start(b.build()), sink);
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
  }

  private ZegoMockConfigurer configurer() {
    try {
      Constructor<? extends ZegoMockConfigurer> c = configure.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("@AutoConfigureZegoMock(configure = " + configure.getName()
          + ".class) needs a constructor without arguments", e);
    }
  }
}
