package io.github.zegoaiagent.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observations of calls and attempts ({@link ObservationCallListener}), when Micrometer is on the
 * classpath and {@code zego.aiagent.metrics.enabled} is not false. They go to the application's
 * {@link ObservationRegistry} (timers, and spans with tracing), or to timers in its
 * {@link MeterRegistry} when it has no observation registry ({@link ZegoObservationRegistry}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "zego.aiagent.metrics.enabled", matchIfMissing = true)
public class ZegoMetricsConfiguration {

  /**
   * @param observations the application's observation registry, if any (resolved on first call)
   * @param meters the application's meter registry, if any
   * @return the listener that observes every call and attempt of the client
   */
  @Bean
  public ObservationCallListener zegoObservationCallListener(ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<MeterRegistry> meters) {
    return new ObservationCallListener(new ZegoObservationRegistry(observations, meters));
  }
}
