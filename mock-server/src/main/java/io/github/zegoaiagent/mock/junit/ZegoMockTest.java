package io.github.zegoaiagent.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against one mock server and injects a {@link ZegoMock} (base URL,
 * credentials, a clock for the client, the server for control, the HTTP control client, a
 * callback sink) or any of its parts ({@code MockServer}, {@code MockControlClient},
 * {@code CallbackSink}) into tests,
 * constructors and {@code @BeforeAll}/{@code @BeforeEach} methods. The server starts on first
 * use, is shared by {@code @Nested} classes, is reset before each test (state, sink, and the clock
 * back to its start), and stops
 * after the outermost class.
 *
 * <pre>{@code
 * @ZegoMockTest
 * class MyTest {
 *   @Test void registers(ZegoMock mock) {
 *     ZegoAiAgentClient client = ZegoAiAgentClient.builder()
 *         .appId(mock.appId()).serverSecret(mock.serverSecret())
 *         .endpoint(mock.baseUrl()).clock(mock.clock()).build();
 *     ...
 *     mock.advanceClock(Duration.ofSeconds(5));
 *     mock.callbacks().await("AgentInstanceCreated", Duration.ofSeconds(5));
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ZegoMockExtension.class)
public @interface ZegoMockTest {
  /** @return the fixed start time (ISO-8601 instant); empty = the system clock */
  String fixedClock() default "2026-01-01T00:00:00Z";

  /** @return requests per second per action and App; 0 = off (the default, for tests) */
  int qpsLimit() default 0;

  /** @return strict nonce checks */
  boolean strict() default false;

  /** @return whether the mock delivers signed callbacks to {@link ZegoMock#callbacks()} */
  boolean callbacks() default true;

  /**
   * @return whether LLM turns go to the instance's LLM.Url (loopback hosts only, see
   *     {@code MockServerConfig.Builder.llmForward(boolean)}); off by default: nothing is sent anywhere
   */
  boolean llmForward() default false;

  /** @return further configuration (caps, timings, credentials), applied after the settings above */
  Class<? extends ZegoMockConfigurer> configure() default ZegoMockConfigurer.None.class;
}
