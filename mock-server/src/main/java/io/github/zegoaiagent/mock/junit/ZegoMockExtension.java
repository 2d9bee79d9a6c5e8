package io.github.zegoaiagent.mock.junit;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.values.MockClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ZegoMockTest}. The runtime is created on first use (a parameter
 * to resolve or a test to reset) and kept in the store of the outermost annotated class, so
 * {@code @Nested} classes and users' {@code @BeforeAll} methods see the same one; JUnit closes it
 * after that class.
 */
public final class ZegoMockExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ZegoMockExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    runtime(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    Class<?> t = p.getParameter().getType();
    return t == ZegoMock.class || t == MockServer.class || t == CallbackSink.class
        || t == MockControlClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    ZegoMock m = runtime(c);
    Class<?> t = p.getParameter().getType();
    return t == ZegoMock.class ? m : t == MockServer.class ? m.server()
        : t == MockControlClient.class ? m.control() : m.callbacks();
  }

  /**
   * The runtime of the test class this context belongs to, started on first use. Public so that
   * extensions built on this one (the {@code zego-aiagent-test-kit} module's client resolver) reach
   * the same mock.
   *
   * @param context any context inside a {@link ZegoMockTest} class
   * @return its runtime
   */
  public static ZegoMock runtime(ExtensionContext context) {
    ExtensionContext owner = owner(context);
    return owner.getStore(NS).getOrComputeIfAbsent("runtime", k -> new Holder(start(owner)), Holder.class).mock;
  }

  /**
   * The context that owns the runtime: the outermost class context whose class carries
   * {@link ZegoMockTest} (directly or as a meta-annotation), so {@code @Nested} classes share it.
   * Extensions built on this one keep what belongs to the same runtime in its store.
   *
   * @param context any context inside such a class
   * @return the owning context (the root context when no class carries the annotation)
   */
  public static ExtensionContext owner(ExtensionContext context) {
    ExtensionContext found = null;
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<Class<?>> type = c.get().getTestClass();
      if (type.isPresent() && c.get().getTestMethod().isEmpty()
          && AnnotationSupport.findAnnotation(type.get(), ZegoMockTest.class).isPresent()) {
        found = c.get();
      }
    }
    return found != null ? found : context.getRoot();
  }

  private static ZegoMock start(ExtensionContext owner) {
    ZegoMockTest a = owner.getTestClass()
        .flatMap(t -> AnnotationSupport.findAnnotation(t, ZegoMockTest.class))
        .orElseThrow(() -> new IllegalStateException("ZegoMockExtension needs @ZegoMockTest on the test class"));
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String callbackSecret = HexFormat.of().formatHex(secret);
    CallbackSink sink = a.callbacks() ? new CallbackSink(callbackSecret) : null;
    MockServerConfig.Builder b = MockServerConfig.builder().qpsLimit(a.qpsLimit()).strict(a.strict())
        .llmForward(a.llmForward())
        .clock(a.fixedClock().isEmpty() ? MockClock.system() : MockClock.fixed(Instant.parse(a.fixedClock())));
    if (sink != null) {
      b.callbackUrl(sink.url()).callbackSecret(callbackSecret);
    }
    try {
      configurer(a.configure()).configure(b);
      return new ZegoMock(MockServer.start(b.build()), sink);
    } catch (RuntimeException e) {
      if (sink != null) {
        sink.close();
      }
      throw e;
    }
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

  /** Closed by the JUnit store (AutoCloseable for 5.13+, CloseableResource before). */
  @SuppressWarnings("deprecation")
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final ZegoMock mock;

    Holder(ZegoMock mock) {
      this.mock = mock;
    }

    @Override
    public void close() {
      mock.close();
    }
  }
}
