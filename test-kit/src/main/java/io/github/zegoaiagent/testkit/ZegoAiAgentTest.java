package io.github.zegoaiagent.testkit;

import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything a test of a voice-agent backend needs, from one annotation: a mock server for the
 * test class (started on first use, shared by {@code @Nested} classes, reset before each test,
 * stopped after the class) and, as parameters of tests, constructors and
 * {@code @BeforeAll}/{@code @BeforeEach} methods:
 *
 * <ul>
 *   <li>{@code ZegoAiAgentClient} (and {@code ZegoAiAgentAsyncClient}): built for the mock, its
 *       signing clock is the mock's clock, so Timestamps follow {@code MockClock.fixed(...)} and
 *       every advance;</li>
 *   <li>{@code ZegoMock}: base URL, AppId, ServerSecret, clock, {@code advanceClock};</li>
 *   <li>{@code MockControlClient}: the HTTP control API ({@code /_mock/});</li>
 *   <li>{@code MockServer} (also as {@code MockControl}): the control API in this JVM;</li>
 *   <li>{@code CallbackSink}: the mock's callbacks, signature-verified.</li>
 * </ul>
 *
 * <p>One extension does it all: the mock's ({@code ZegoMockExtension}); this module adds the
 * client to it ({@link ZegoAiAgentClientResolver}, found through {@code META-INF/services}).
 *
 * <p>The mock's settings are {@link ZegoMockTest}'s defaults (clock fixed at
 * {@code 2026-01-01T00:00:00Z}, no QPS limit, callbacks on); put {@code @ZegoMockTest(...)} on the
 * class as well to change them, for example {@code @ZegoMockTest(strict = true)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ZegoMockTest
public @interface ZegoAiAgentTest {
}
