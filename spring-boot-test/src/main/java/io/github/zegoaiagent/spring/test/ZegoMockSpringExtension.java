package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.beans.factory.annotation.ParameterResolutionDelegate;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.context.support.TestConstructorUtils;

/**
 * The JUnit side of {@link AutoConfigureZegoMock}: resets the mock before each test and resolves
 * the mock's parts and the application's client as parameters, taken from the test's application
 * context (so they are the ones the application uses). It steps aside for every parameter Spring
 * resolves ({@code @Autowired}, {@code @Qualifier}, {@code @Value}, an autowired test
 * constructor): the two never compete for one parameter.
 */
public final class ZegoMockSpringExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final Set<Class<?>> TYPES = Set.of(ZegoMock.class, MockServer.class, MockControlClient.class,
      CallbackSink.class, ZegoAiAgentClient.class, ZegoAiAgentAsyncClient.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    if (AnnotationSupport.findAnnotation(type, ZegoMockTest.class).isPresent()) {
      throw new ExtensionConfigurationException(type.getName() + " has both @AutoConfigureZegoMock and @ZegoMockTest"
          + " (or @ZegoAiAgentTest): that is two mocks. Keep @AutoConfigureZegoMock alone on a Spring test: it gives"
          + " the same parameters (ZegoMock, MockServer, MockControlClient, CallbackSink) and the application's"
          + " own ZegoAiAgentClient.");
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext app = application(context);
    AutoConfigureZegoMock a = org.springframework.test.context.TestContextAnnotationUtils
        .findMergedAnnotation(context.getRequiredTestClass(), AutoConfigureZegoMock.class);
    if (a != null && a.resetBeforeEachTest()) {
      app.getBean(ZegoMock.class).reset();
      app.getBean(AppCallbackTarget.BEAN, AppCallbackTarget.class).reapply();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    if (!TYPES.contains(p.getParameter().getType())) {
      return false;
    }
    if (ParameterResolutionDelegate.isAutowirable(p.getParameter(), p.getIndex())) {
      return false; // @Autowired, @Qualifier or @Value: Spring's
    }
    // An autowired test constructor (@Autowired, @TestConstructor(autowireMode = ALL)): Spring
    // resolves all its parameters (ZegoMock is a bean; the other parts are not: take ZegoMock).
    Executable e = p.getDeclaringExecutable();
    return !(e instanceof Constructor<?> && TestConstructorUtils.isAutowirableConstructor(e,
        key -> c.getConfigurationParameter(key).orElse(null)));
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    ApplicationContext app = application(c);
    Class<?> t = p.getParameter().getType();
    if (t == ZegoAiAgentClient.class || t == ZegoAiAgentAsyncClient.class) {
      return app.getBean(t); // the application's own, pointed at the mock
    }
    ZegoMock mock = app.getBean(ZegoMock.class);
    return t == ZegoMock.class ? mock : t == MockServer.class ? mock.server()
        : t == MockControlClient.class ? mock.control() : mock.callbacks();
  }

  private static ApplicationContext application(ExtensionContext context) {
    try {
      return SpringExtension.getApplicationContext(context);
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException("@AutoConfigureZegoMock works on Spring tests (@SpringBootTest);"
          + " the application context of " + context.getRequiredTestClass().getName() + " did not load: " + e.getMessage(), e);
    }
  }
}
