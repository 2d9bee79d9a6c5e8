package io.github.zegoaiagent.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics of calls, when Micrometer is on the classpath and
 * {@code zego.aiagent.metrics.enabled} is not false. Without a {@link MeterRegistry} bean the
 * listener records nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "zego.aiagent.metrics.enabled", matchIfMissing = true)
public class ZegoMetricsConfiguration {

  /**
   * @param registry the application's registry, if any (resolved on first call)
   * @return the listener the client reports every attempt to
   */
  @Bean
  public MicrometerCallListener zegoMicrometerCallListener(ObjectProvider<MeterRegistry> registry) {
    return new MicrometerCallListener(registry::getIfAvailable);
  }
}
