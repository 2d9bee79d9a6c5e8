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
 *     MockServerConfig.builder().qpsLimit(0).callbackUrl(receiver.url()).build());
 * }</pre>
 *
 * <p>The server starts on first use (the first {@code @BeforeEach} reset, parameter or
 * {@link #server()}), not in the extension's own {@code beforeAll}: JUnit runs that before the test
 * class's {@code @BeforeAll} methods, so a configuration that refers to something started there
 * (a callback receiver, a port) would not see it yet.
 */
public final class MockServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MockServerExtension.class);

  private final Supplier<MockServerConfig> config;
  private volatile Holder registered;

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
    Holder h = registered;
    if (h == null) {
      throw new IllegalStateException("the mock exists only while its test class runs; use it from @BeforeAll, @BeforeEach or tests");
    }
    return h.server();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Holder h = new Holder(config);
    registered = h;
    context.getStore(NS).put("server", h); // started on first use; the store closes it after the class
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
    return h.server();
  }

  /**
   * Starts the server on first use and is closed by the JUnit store: AutoCloseable for JUnit 5.13
   * and later, CloseableResource for older versions (each closes it once).
   */
  @SuppressWarnings("deprecation")
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Supplier<MockServerConfig> config;
    private MockServer server;
    private boolean closed;

    Holder(Supplier<MockServerConfig> config) {
      this.config = config;
    }

    synchronized MockServer server() {
      if (closed) {
        throw new IllegalStateException("the mock of this test class is closed");
      }
      if (server == null) {
        MockServerConfig c = config.get();
        if (c == null) {
          throw new IllegalStateException("the MockServerExtension configuration supplier returned null");
        }
        server = MockServer.start(c);
      }
      return server;
    }

    @Override
    public synchronized void close() {
      closed = true;
      if (server != null) {
        server.close();
      }
    }
  }
}
