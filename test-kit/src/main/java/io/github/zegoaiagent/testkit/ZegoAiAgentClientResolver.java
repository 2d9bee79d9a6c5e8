package io.github.zegoaiagent.testkit;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link ZegoAiAgentTest} (next to the mock's own extension): resolves
 * {@link ZegoAiAgentClient} and {@link ZegoAiAgentAsyncClient} parameters with one client per mock
 * runtime, kept in the store of the context that owns the runtime (so {@code @Nested} classes and
 * {@code @BeforeAll} methods get the same one) and closed with it.
 */
public final class ZegoAiAgentClientResolver implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ZegoAiAgentClientResolver.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    Class<?> t = p.getParameter().getType();
    return (t == ZegoAiAgentClient.class || t == ZegoAiAgentAsyncClient.class) && !springAnnotated(p);
  }

  /**
   * A parameter Spring's extension resolves ({@code @Autowired}, {@code @Qualifier}, {@code @Value})
   * is left to it, so the two never compete (names only: the kit does not depend on Spring). For
   * a Spring Boot application use {@code @AutoConfigureZegoMock} (zego-aiagent-spring-boot-test).
   */
  private static boolean springAnnotated(ParameterContext p) {
    for (java.lang.annotation.Annotation a : p.getParameter().getAnnotations()) {
      String name = a.annotationType().getName();
      if (name.equals("org.springframework.beans.factory.annotation.Autowired")
          || name.equals("org.springframework.beans.factory.annotation.Qualifier")
          || name.equals("org.springframework.beans.factory.annotation.Value")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    ZegoAiAgentClient client = client(c);
    return p.getParameter().getType() == ZegoAiAgentAsyncClient.class ? client.async() : client;
  }

  /**
   * @param context any context inside a {@link ZegoAiAgentTest} class
   * @return the client of that class's mock, built on first use
   */
  public static ZegoAiAgentClient client(ExtensionContext context) {
    ZegoMock mock = ZegoMockExtension.runtime(context);
    ExtensionContext owner = ZegoMockExtension.owner(context);
    return owner.getStore(NS).getOrComputeIfAbsent("client", k -> new Holder(clientFor(mock)), Holder.class).client;
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

  /** Closed by the JUnit store (AutoCloseable for 5.13+, CloseableResource before: each closes it once). */
  @SuppressWarnings("deprecation")
  private record Holder(ZegoAiAgentClient client) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }
}
