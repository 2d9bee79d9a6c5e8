package io.github.zegoaiagent.spring.health;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.spring.ZegoAiAgentClock;
import io.github.zegoaiagent.spring.ZegoAiAgentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The "zegoAiAgent" health contributor, on Boot 4 ({@code spring-boot-health}) or Boot 3
 * ({@code spring-boot-actuator}), whichever the application has; none without Actuator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zego.aiagent.health.enabled", matchIfMissing = true)
public class ZegoHealthConfiguration {

  /** The check, shared by both forms; also a CallListener, so it sees every attempt of the client. */
  static ZegoHealthCheck check(ZegoAiAgentProperties properties, ObjectProvider<ZegoAiAgentClient> client,
      ObjectProvider<ZegoAiAgentClock> clock) {
    String endpoint = properties.getEndpoint() != null ? properties.getEndpoint().toString()
        : properties.getRegion() != null ? properties.getRegion().baseUri().toString() : null;
    return new ZegoHealthCheck(client::getObject, properties.getAppId(), endpoint, properties.getHealth().isProbe(),
        properties.getHealth().getProbeInterval(), clock.getIfAvailable(ZegoAiAgentClock::system).clock());
  }

  /** Boot 4: {@code org.springframework.boot.health.contributor.HealthIndicator}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = Boot4.INDICATOR)
  static class Boot4 {
    static final String INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    @Bean
    @ConditionalOnMissingBean
    ZegoHealthCheck zegoHealthCheck(ZegoAiAgentProperties properties, ObjectProvider<ZegoAiAgentClient> client,
        ObjectProvider<ZegoAiAgentClock> clock) {
      return check(properties, client, clock);
    }

    @Bean
    ZegoHealthIndicator zegoAiAgentHealthIndicator(ZegoHealthCheck check) {
      return new ZegoHealthIndicator(check);
    }
  }

  /** Boot 3: {@code org.springframework.boot.actuate.health.HealthIndicator}, registered reflectively. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = Boot3HealthRegistrar.INDICATOR)
  @Import(Boot3HealthRegistrar.class)
  static class Boot3 {
    @Bean
    @ConditionalOnMissingBean
    ZegoHealthCheck zegoHealthCheck(ZegoAiAgentProperties properties, ObjectProvider<ZegoAiAgentClient> client,
        ObjectProvider<ZegoAiAgentClock> clock) {
      return check(properties, client, clock);
    }
  }
}
