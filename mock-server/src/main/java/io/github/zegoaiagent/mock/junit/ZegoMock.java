package io.github.zegoaiagent.mock.junit;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What a {@link ZegoMockTest} test gets: everything needed to point a client at the mock and to
 * steer and inspect it. One per outermost test class (shared by {@code @Nested} classes).
 */
public final class ZegoMock implements AutoCloseable {
  private final MockServer server;
  private final CallbackSink callbacks;
  private final MockControlClient control;

  ZegoMock(MockServer server, CallbackSink callbacks) {
    this.server = server;
    this.callbacks = callbacks;
    this.control = MockControlClient.of(server.baseUrl());
  }

  /**
   * For extensions of other test frameworks (the Spring test module's {@code @AutoConfigureZegoMock})
   * that start the mock themselves. {@link #close()} closes both.
   *
   * @param server a running mock
   * @param callbacks the sink it delivers to, or null
   * @return the runtime a test is given
   */
  public static ZegoMock of(MockServer server, CallbackSink callbacks) {
    return new ZegoMock(java.util.Objects.requireNonNull(server, "server"), callbacks);
  }

  /** @return the API's base URL, for {@code ZegoAiAgentClient.builder().endpoint(...)} */
  public URI baseUrl() {
    return server.baseUrl();
  }

  /** @return the AppId the mock serves */
  public long appId() {
    return server.appId();
  }

  /** @return its ServerSecret (for the client; never printed by the mock) */
  public String serverSecret() {
    return server.serverSecret();
  }

  /**
   * @return the mock's clock as a {@link Clock}: give it to the client
   *     ({@code .clock(mock.clock())}) so its signed Timestamps follow the mock's (fixed) time
   *     instead of getting 100000004
   */
  public Clock clock() {
    return server.clock().asClock();
  }

  /** @param d how far to move the mock's clock (speech ends, retries and delays come due) */
  public void advanceClock(Duration d) {
    server.advanceClock(d);
  }

  /**
   * Plays a conversation script against a running instance and moves the mock's clock to the
   * script's end: when this returns, every scripted turn, its LLM answer (forwarded to the
   * instance's LLM.Url when LLM forwarding is on) and its callbacks have happened.
   *
   * @param agentInstanceId the instance
   * @param script what the user does ({@link io.github.zegoaiagent.mock.script.ConversationScript#builder()}
   *     or {@link io.github.zegoaiagent.mock.script.ConversationScript#parse(String)})
   */
  public void runScript(String agentInstanceId, io.github.zegoaiagent.mock.script.ConversationScript script) {
    server.runScript(agentInstanceId, script);
  }

  /**
   * @return the HTTP control client of this mock ({@code /_mock/}): the same calls a test makes
   *     against a standalone or containerised mock, so code written against it runs there too
   */
  public MockControlClient control() {
    return control;
  }

  /** @return the server: faults, inspection, user simulation (the Java control API) */
  public MockServer server() {
    return server;
  }

  /**
   * @return the receiver of the mock's signed callbacks (verified there), or null when the
   *     annotation switched callbacks off
   */
  public CallbackSink callbacks() {
    return callbacks;
  }

  /**
   * Forgets the mock's state ({@link MockServer#reset()}) and the received callbacks, and moves
   * the clock back to its start ({@link io.github.zegoaiagent.mock.values.MockClock#rewind()}), so
   * every test of a {@code @ZegoMockTest(clock = ...)} class starts at the declared instant.
   */
  public void reset() {
    server.reset();
    server.clock().rewind();
    if (callbacks != null) {
      callbacks.clear();
    }
  }

  @Override
  public void close() {
    server.close();
    if (callbacks != null) {
      callbacks.close();
    }
  }

  @Override
  public String toString() {
    return "ZegoMock[" + baseUrl() + ", AppId " + appId() + "]"; // no secret
  }
}
