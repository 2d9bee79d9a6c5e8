package io.github.zegoaiagent.mock.junit;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.values.MockClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The one JUnit 5 extension of the mock, behind {@link ZegoMockTest} (and the test kit's
 * {@code @ZegoAiAgentTest}), or registered with a configuration of your own:
 *
 * <pre>{@code
 * @ZegoMockTest                                   // settings from the annotation
 * class MyTest { @Test void works(ZegoMock mock) { ... } }
 *
 * @RegisterExtension                              // any MockServerConfig; `receiver` may be
 * static ZegoMockExtension mock = ZegoMockExtension.with(() ->   // started in @BeforeAll
 *     MockServerConfig.builder().qpsLimit(0).callbackUrl(receiver.url()).build());
 * }</pre>
 *
 * <p>One mock per outermost test class, started on first use (the first test to reset, a
 * parameter, {@link #server()}), after the class's own {@code @BeforeAll} methods, shared by
 * {@code @Nested} classes, reset before each test ({@link ZegoMock#reset()}) and closed after the
 * class. Injects {@link ZegoMock}, {@link MockServer}, {@link MockControl} (the server),
 * {@link MockControlClient} (over HTTP), {@link CallbackSink}, and the types of any
 * {@link ZegoMockParameters} provider on the class path.
 */
public final class ZegoMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ZegoMockExtension.class);
  private static final List<Class<?>> OWN = List.of(ZegoMock.class, MockServer.class, MockControl.class,
      MockControlClient.class, CallbackSink.class);

  private final Supplier<MockServerConfig> config;
  private volatile Runtime registered;

  /** The extension of {@link ZegoMockTest}: settings from the annotation. */
  public ZegoMockExtension() {
    this(null);
  }

  private ZegoMockExtension(Supplier<MockServerConfig> config) {
    this.config = config;
  }

  /**
   * @param config the mock's configuration (called once per test class, on first use)
   * @return an extension for {@code @RegisterExtension}
   */
  public static ZegoMockExtension with(Supplier<MockServerConfig> config) {
    return new ZegoMockExtension(java.util.Objects.requireNonNull(config, "config"));
  }

  /** @return the mock of the current test class (with {@code @RegisterExtension}) */
  public MockServer server() {
    return mock().server();
  }

  /** @return the runtime of the current test class (with {@code @RegisterExtension}) */
  public ZegoMock mock() {
    Runtime r = registered;
    if (r == null) {
      throw new IllegalStateException("the mock exists only while its test class runs; use it from @BeforeAll, @BeforeEach or tests");
    }
    return r.mock();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (config != null) {
      Runtime r = new Runtime(() -> start(config, null));
      registered = r;
      context.getStore(NS).put(RUNTIME, r); // nested contexts see it; closed by the store after the class
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (config != null) {
      registered = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    find(context).mock().reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    Class<?> t = p.getParameter().getType();
    return (OWN.contains(t) || Providers.ALL.containsKey(t)) && !springAnnotated(p);
  }

  /**
   * A parameter Spring's extension resolves ({@code @Autowired}, {@code @Qualifier}, {@code @Value})
   * is left to it, so the two never compete (names only: the mock does not depend on Spring). For
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
    Runtime r = find(c);
    Class<?> t = p.getParameter().getType();
    ZegoMock m = r.mock();
    if (t == ZegoMock.class) {
      return m;
    }
    if (t == MockServer.class || t == MockControl.class) {
      return m.server();
    }
    if (t == MockControlClient.class) {
      return m.control();
    }
    if (t == CallbackSink.class) {
      return m.callbacks();
    }
    return Providers.ALL.get(t).resolve(t, m, r);
  }

  /**
   * The mock of the test class this context belongs to, started on first use. For extensions and
   * tools built on this one.
   *
   * @param context any context inside a {@link ZegoMockTest} class
   * @return its mock
   */
  public static ZegoMock runtime(ExtensionContext context) {
    return find(context).mock();
  }

  /**
   * A value a {@link ZegoMockParameters} provider resolves for the test class of {@code context}
   * (the same one a parameter of that type gets).
   *
   * @param context any context inside such a class
   * @param type a provided type
   * @param <T> the type
   * @return the value
   */
  public static <T> T parameter(ExtensionContext context, Class<T> type) {
    ZegoMockParameters p = Providers.ALL.get(type);
    if (p == null) {
      throw new IllegalArgumentException("no ZegoMockParameters provider on the class path resolves " + type.getName());
    }
    Runtime r = find(context);
    return type.cast(p.resolve(type, r.mock(), r));
  }

  /** The store key of a class's runtime (a store lookup also searches the enclosing classes' stores). */
  private static final String RUNTIME = "runtime";

  private static Runtime find(ExtensionContext context) {
    Runtime r = context.getStore(NS).get(RUNTIME, Runtime.class);
    if (r != null) {
      return r;
    }
    ExtensionContext owner = owner(context);
    return owner.getStore(NS).getOrComputeIfAbsent(RUNTIME, k -> new Runtime(() -> start(owner)), Runtime.class);
  }

  /**
   * The context that owns an annotated runtime: the outermost class context whose class carries
   * {@link ZegoMockTest} (directly or as a meta-annotation), so {@code @Nested} classes share it;
   * for a class registered with {@code @ExtendWith(ZegoMockExtension.class)} alone, its outermost
   * class.
   *
   * @param context any context inside such a class
   * @return the owning context
   */
  public static ExtensionContext owner(ExtensionContext context) {
    ExtensionContext annotated = null;
    ExtensionContext outermost = context.getRoot();
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<Class<?>> type = c.get().getTestClass();
      if (type.isPresent() && c.get().getTestMethod().isEmpty()) {
        outermost = c.get();
        if (AnnotationSupport.findAnnotation(type.get(), ZegoMockTest.class).isPresent()) {
          annotated = c.get();
        }
      }
    }
    return annotated != null ? annotated : outermost;
  }

  private static ZegoMock start(ExtensionContext owner) {
    ZegoMockTest a = owner.getTestClass()
        .flatMap(t -> AnnotationSupport.findAnnotation(t, ZegoMockTest.class))
        .orElse(Defaults.class.getAnnotation(ZegoMockTest.class));
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String callbackSecret = HexFormat.of().formatHex(secret);
    CallbackSink sink = a.callbacks() ? new CallbackSink(callbackSecret) : null;
    try {
      MockServerConfig.Builder b = MockServerConfig.builder().qpsLimit(a.qpsLimit()).strict(a.strict())
          .llmForward(a.llmForward())
          .clock(a.fixedClock().isEmpty() ? MockClock.system() : MockClock.fixed(Instant.parse(a.fixedClock())));
      if (sink != null) {
        b.callbackUrl(sink.url()).callbackSecret(callbackSecret);
      }
      configurer(a.configure()).configure(b);
      return start(b::build, sink);
    } catch (RuntimeException e) {
      if (sink != null) {
        sink.close();
      }
      throw e;
    }
  }

  private static ZegoMock start(Supplier<MockServerConfig> config, CallbackSink sink) {
    MockServerConfig c = config.get();
    if (c == null) {
      throw new IllegalStateException("the ZegoMockExtension configuration supplier returned null");
    }
    return new ZegoMock(MockServer.start(c), sink);
  }

  /** The settings of a class registered with {@code @ExtendWith(ZegoMockExtension.class)} alone. */
  @ZegoMockTest
  private static final class Defaults {
  }

  private static ZegoMockConfigurer configurer(Class<? extends ZegoMockConfigurer> type) {
    try {
      java.lang.reflect.Constructor<? extends ZegoMockConfigurer> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("@ZegoMockTest(configure = " + type.getName()
          + ".class) needs a constructor without arguments", e);
    }
  }

  /** The providers on the class path, by the type each resolves. */
  private static final class Providers {
    static final Map<Class<?>, ZegoMockParameters> ALL = load();

    private static Map<Class<?>, ZegoMockParameters> load() {
      Map<Class<?>, ZegoMockParameters> out = new LinkedHashMap<>();
      for (ZegoMockParameters p : ServiceLoader.load(ZegoMockParameters.class, ZegoMockExtension.class.getClassLoader())) {
        p.types().forEach(t -> out.putIfAbsent(t, p));
      }
      return Map.copyOf(out);
    }
  }

  /**
   * One test class's mock, started on first use, with the values providers keep for it; closed by
   * the JUnit store (AutoCloseable for 5.13+, CloseableResource before: each closes it once).
   */
  @SuppressWarnings("deprecation")
  private static final class Runtime implements ExtensionContext.Store.CloseableResource, AutoCloseable,
      ZegoMockParameters.Scope {
    private final Supplier<ZegoMock> start;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private ZegoMock mock;
    private boolean closed;

    Runtime(Supplier<ZegoMock> start) {
      this.start = start;
    }

    synchronized ZegoMock mock() {
      if (closed) {
        throw new IllegalStateException("the mock of this test class is closed");
      }
      if (mock == null) {
        mock = start.get();
      }
      return mock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(String key, Supplier<T> value) {
      return (T) values.computeIfAbsent(key, k -> value.get());
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      List<Object> kept = new ArrayList<>(values.values());
      java.util.Collections.reverse(kept);
      for (Object v : kept) {
        if (v instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ignored) {
            // the mock still closes
          }
        }
      }
      if (mock != null) {
        mock.close();
      }
    }
  }
}
