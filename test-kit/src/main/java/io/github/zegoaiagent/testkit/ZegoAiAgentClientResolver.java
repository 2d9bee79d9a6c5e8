package io.github.zegoaiagent.testkit;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import io.github.zegoaiagent.mock.junit.ZegoMockParameters;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the test kit adds to the mock's one JUnit extension ({@link ZegoMockExtension}, found as a
 * {@link ZegoMockParameters} provider through {@code META-INF/services}): {@link ZegoAiAgentClient}
 * and {@link ZegoAiAgentAsyncClient} parameters, one client per mock (so {@code @Nested} classes
 * and {@code @BeforeAll} methods get the same one), closed with it.
 */
public final class ZegoAiAgentClientResolver implements ZegoMockParameters {

  @Override
  public Set<Class<?>> types() {
    return Set.of(ZegoAiAgentClient.class, ZegoAiAgentAsyncClient.class);
  }

  @Override
  public Object resolve(Class<?> type, ZegoMock mock, Scope scope) {
    ZegoAiAgentClient client = scope.computeIfAbsent("zego-aiagent-test-kit client", () -> clientFor(mock));
    return type == ZegoAiAgentAsyncClient.class ? client.async() : client;
  }

  /**
   * @param context any context inside a {@link ZegoAiAgentTest} class
   * @return the client of that class's mock, built on first use
   */
  public static ZegoAiAgentClient client(ExtensionContext context) {
    return ZegoMockExtension.parameter(context, ZegoAiAgentClient.class);
  }

  /**
   * The client {@link ZegoAiAgentTest} injects, for a mock started some other way.
   *
   * @param mock the mock
   * @return a client with the mock's AppId, ServerSecret and base URL, signing with the mock's clock
   */
  public static ZegoAiAgentClient clientFor(ZegoMock mock) {
    return ZegoAiAgentClient.builder()
        .appId(mock.appId())
        .serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl())
        .clock(mock.clock())
        .build();
  }
}
