package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a Spring Boot application against the mock server: on a {@code @SpringBootTest} (any web
 * environment, a random port included) it starts one mock per application context (cached with
 * the context, closed with it) and points the application at it before its beans exist:
 *
 * <ul>
 *   <li>{@code zego.aiagent.app-id}, {@code server-secret} and {@code endpoint}: the mock's (a
 *       {@code region} of the application's configuration is cleared);</li>
 *   <li>{@code zego.aiagent.callback.secret}: the secret the mock signs callbacks with, so the
 *       starter's callback endpoint is served unless the application switched it off;</li>
 *   <li>a {@code ZegoAiAgentClock} bean: the mock's clock, so the application's client, token service,
 *       callback verifier and health check follow a fixed or advanced mock clock;</li>
 *   <li>once the web server has its port, the mock delivers callbacks to the application's callback
 *       endpoint on that port (without a server, or without an endpoint, to the {@code CallbackSink}).</li>
 * </ul>
 *
 * <p>Tests, {@code @BeforeEach} and {@code @BeforeAll} methods take {@code ZegoMock},
 * {@code MockServer}, {@code MockControlClient}, {@code CallbackSink} and the application's own
 * {@code ZegoAiAgentClient} / {@code ZegoAiAgentAsyncClient} as parameters, beside Spring's
 * {@code @Autowired} ones; {@code ZegoMock} is also a bean ({@code @Autowired ZegoMock mock}).
 * Before each test the mock is reset (state, journal, faults, recorded callbacks, the clock back
 * to its start), unless {@link #resetBeforeEachTest()} is false.
 *
 * <p>The mock's clock follows the system clock by default (the application's other clocks, logs
 * and tokens stay plausible); {@code mock.advanceClock(...)} moves it and the application's
 * ZEGOCLOUD beans with it. Use {@link #fixedClock()} for a clock that stands still.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ZegoMockSpringExtension.class)
public @interface AutoConfigureZegoMock {

  /** @return an ISO-8601 instant the mock's clock stands at until advanced; empty (the default) = the system clock */
  String fixedClock() default "";

  /** @return requests per second per action and App; 0 (the default) = off */
  int qpsLimit() default 0;

  /** @return strict nonce checks */
  boolean strict() default false;

  /** @return whether LLM turns go to the instance's LLM.Url (loopback hosts only); off by default */
  boolean llmForward() default false;

  /**
   * @return whether the mock is reset before each test (the default); false keeps what earlier
   *     tests and the application's start-up (an agent registered by an {@code ApplicationRunner})
   *     left in it
   */
  boolean resetBeforeEachTest() default true;

  /**
   * @return the path of the application's own callback endpoint; empty (the default) = the
   *     starter's, at {@code zego.aiagent.callback.path}
   */
  String callbackPath() default "";

  /** @return further mock configuration (caps, timings), applied after the settings above */
  Class<? extends ZegoMockConfigurer> configure() default ZegoMockConfigurer.None.class;
}
