package io.github.zegoaiagent.spring.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the Boot 3 form of the "zegoAiAgent" contributor. Why reflection: the starter is
 * compiled against Boot 4, where the Boot 3 interface {@code org.springframework.boot.actuate.health
 * .HealthIndicator} no longer exists, and putting both Boot lines on one compile path would let the
 * older jar shadow the newer one. The bean is a JDK proxy of the Boot 3 interface whose
 * {@code health()} builds {@code Health.up()/down()/unknown().withDetails(..).build()}; its
 * target type is declared so Actuator finds it by type. Boot 3 runs of the starter's tests
 * (spring-boot-starter/boot3-tests) prove it.
 */
final class Boot3HealthRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

  static final String INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
  private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

  private BeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    Class<?> indicator = ClassUtils.resolveClassName(INDICATOR, loader);
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(indicator);
    definition.setInstanceSupplier(() -> proxy(indicator, beanFactory.getBean(ZegoHealthCheck.class), loader));
    registry.registerBeanDefinition("zegoAiAgentHealthIndicator", definition);
  }

  static Object proxy(Class<?> indicator, ZegoHealthCheck check, ClassLoader loader) {
    Class<?> health = ClassUtils.resolveClassName(HEALTH, loader);
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("health") && method.getParameterCount() == 0) {
        return health(health, check.report());
      }
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      return switch (method.getName()) {
        case "toString" -> "ZegoHealthIndicator(Boot 3)[" + check + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.toString());
      };
    };
    return Proxy.newProxyInstance(loader, new Class<?>[] {indicator}, handler);
  }

  private static Object health(Class<?> health, ZegoHealthCheck.Report report) throws ReflectiveOperationException {
    String factory = switch (report.state()) {
      case UP -> "up";
      case DOWN -> "down";
      case UNKNOWN -> "unknown";
    };
    Object builder = health.getMethod(factory).invoke(null);
    Method withDetails = builder.getClass().getMethod("withDetails", Map.class);
    builder = withDetails.invoke(builder, report.details());
    return builder.getClass().getMethod("build").invoke(builder);
  }
}
