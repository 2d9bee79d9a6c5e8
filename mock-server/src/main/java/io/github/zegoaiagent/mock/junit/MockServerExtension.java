package io.github.zegoaiagent.mock.junit;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link MockServer} per test class, reset before each test, injected as a
 * parameter of constructors, lifecycle methods and tests.
 *
 * <pre>{@code
 * @ExtendWith(MockServerExtension.class)
 * class MyTest {
 *   @Test void registers(MockServer mock) { ... mock.baseUrl() ... }
 * }
 *
 * // or, with a configuration:
 * @RegisterExtension
 * static MockServerExtension mock = MockServerExtension.with(() ->
 *     MockServerConfig.builder().qpsLimit(0).build());
 * }</pre>
 */
public final class MockServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MockServerExtension.class);

  private final Supplier<MockServerConfig> config;
  private MockServer registered;

  /** Default configuration (random port, loopback, random secret). */
  public MockServerExtension() {
    this(() -> MockServerConfig.builder().build());
  }

  private MockServerExtension(Supplier<MockServerConfig> config) {
    this.config = config;
  }

  /**
   * @param config configuration of the server (called once per test class)
   * @return an extension for {@code @RegisterExtension}
   */
  public static MockServerExtension with(Supplier<MockServerConfig> config) {
    return new MockServerExtension(config);
  }

  /** @return the server of the current test class (with {@code @RegisterExtension}) */
  public MockServer server() {
    if (registered == null) {
      throw new IllegalStateException("the mock starts in @BeforeAll; use it from tests");
    }
    return registered;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    MockServer s = MockServer.start(config.get());
    registered = s;
    context.getStore(NS).put("server", new Holder(s)); // the store closes it after the class
  }

  @Override
  public void afterAll(ExtensionContext context) {
    registered = null; // the store closes the server
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    find(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == MockServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return find(c);
  }

  private static MockServer find(ExtensionContext c) {
    Holder h = c.getStore(NS).get("server", Holder.class);
    if (h == null) {
      throw new IllegalStateException("no MockServer: the extension starts one per test class");
    }
    return h.server;
  }

  /**
   * Closed by the JUnit store: AutoCloseable for JUnit 5.13 and later, CloseableResource for
   * older versions (each closes it once).
   */
  @SuppressWarnings("deprecation")
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final MockServer server;

    Holder(MockServer server) {
      this.server = server;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
