package io.github.zegoaiagent.spring.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test class carrying {@link AutoConfigureZegoMock} (directly, inherited, on an enclosing
 * class of a {@code @Nested} class, or as a meta-annotation) its {@link ZegoMockContextCustomizer}.
 * Registered in {@code META-INF/spring.factories}; other test classes get nothing.
 */
final class ZegoMockContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureZegoMock a = TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureZegoMock.class);
    return a == null ? null : new ZegoMockContextCustomizer(MockSettings.of(a));
  }
}
