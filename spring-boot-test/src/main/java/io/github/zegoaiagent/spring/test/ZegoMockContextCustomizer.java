package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.spring.ZegoAiAgentClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts the mock for one application context before its beans exist, and wires it in: the
 * {@code zego.aiagent.*} properties, the {@code zegoMock} and {@code zegoAiAgentClock} beans, and
 * the listener that points the mock's callbacks at the application once its web server is up.
 * Equal settings give equal customizers, so Spring's context cache shares the context (and its
 * mock) between test classes. The mock is closed with the context, also when the context fails to
 * start.
 */
final class ZegoMockContextCustomizer implements ContextCustomizer {
  /** Name of the property source; after the test's inlined properties, before everything else. */
  static final String SOURCE = "zegoMock";
  /** Bean name of the mock's runtime. */
  static final String BEAN = "zegoMock";

  private final MockSettings settings;

  ZegoMockContextCustomizer(MockSettings settings) {
    this.settings = settings;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
    ZegoMock mock = settings.start();
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    beans.registerSingleton(BEAN, mock);
    if (beans instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(BEAN, mock::close); // also when the refresh fails
    } else {
      context.addApplicationListener(new AppCallbackTarget.CloseWith(context, mock));
    }
    beans.registerSingleton("zegoAiAgentClock", new ZegoAiAgentClock(mock.clock()));
    AppCallbackTarget target = new AppCallbackTarget(context, mock, settings.callbackPath());
    beans.registerSingleton(AppCallbackTarget.BEAN, target);
    context.addApplicationListener(target);

    Map<String, Object> p = new LinkedHashMap<>();
    p.put("zego.aiagent.app-id", Long.toString(mock.appId()));
    p.put("zego.aiagent.server-secret", mock.serverSecret());
    p.put("zego.aiagent.endpoint", mock.baseUrl().toString());
    p.put("zego.aiagent.region", ""); // empty = unset: the endpoint wins over the application's region
    p.put("zego.aiagent.callback.secret", mock.server().config().callbacks().secret());
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    MapPropertySource source = new MapPropertySource(SOURCE, p);
    if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
      sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
    } else {
      sources.addFirst(source);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ZegoMockContextCustomizer other && other.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "ZegoMockContextCustomizer[" + settings + "]";
  }
}
