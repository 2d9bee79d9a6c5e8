package io.github.zegoaiagent.spring;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.listener.CallListener;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.token.Token04Generator;
import io.github.zegoaiagent.spring.health.ZegoHealthConfiguration;
import io.github.zegoaiagent.spring.metrics.ZegoMetricsConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * The client (sync and async) and the token service from {@code zego.aiagent.*}, when
 * {@code zego.aiagent.app-id} has a value (missing or empty: none of them, and no error). Each bean
 * backs off when the application defines its own. Every {@link CallListener} bean is registered
 * with the client (the observations among them, see {@link ZegoMetricsConfiguration}); every
 * {@link ZegoAiAgentClientCustomizer} adjusts the builder. The client and the token service use
 * the {@link ZegoAiAgentClock} bean when there is one, else the system clock.
 */
@AutoConfiguration(after = ZegoAiAgentPropertiesAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "zego.aiagent.enabled", matchIfMissing = true)
@Conditional(OnAppIdCondition.class)
@EnableConfigurationProperties(ZegoAiAgentProperties.class)
@Import({ZegoMetricsConfiguration.class, ZegoHealthConfiguration.class})
public class ZegoAiAgentAutoConfiguration {

  /**
   * @param properties {@code zego.aiagent.*}
   * @param listeners every CallListener bean, in order
   * @param customizers every customizer, in order
   * @param clock the clock bean, if any
   * @return the client; closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ZegoAiAgentClient zegoAiAgentClient(ZegoAiAgentProperties properties, ObjectProvider<CallListener> listeners,
      ObjectProvider<ZegoAiAgentClientCustomizer> customizers, ObjectProvider<ZegoAiAgentClock> clock) {
    ZegoAiAgentClient.Builder b = ZegoAiAgentClient.builder()
        .appId(properties.getAppId())
        .serverSecret(properties.getServerSecret())
        .clock(clock.getIfAvailable(ZegoAiAgentClock::system).clock())
        .connectTimeout(properties.getConnectTimeout())
        .readTimeout(properties.getReadTimeout())
        .localValidation(properties.isLocalValidation())
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(properties.getRetry().getMaxAttempts())
            .initialBackoff(properties.getRetry().getInitialBackoff())
            .maxBackoff(properties.getRetry().getMaxBackoff())
            .build());
    if (properties.getRegion() != null) {
      b.region(properties.getRegion());
    } else {
      b.endpoint(properties.getEndpoint());
    }
    if (properties.getTimeout() != null) {
      b.timeout(properties.getTimeout());
    }
    listeners.orderedStream().forEach(b::listener);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * @param client the client
   * @return its asynchronous view (same configuration, connections and listeners)
   */
  @Bean
  @ConditionalOnMissingBean
  public ZegoAiAgentAsyncClient zegoAiAgentAsyncClient(ZegoAiAgentClient client) {
    return client.async();
  }

  /**
   * @param properties {@code zego.aiagent.*}
   * @param clock the clock bean, if any
   * @return the Token04 service of the App
   */
  @Bean
  @ConditionalOnMissingBean
  public ZegoTokenService zegoTokenService(ZegoAiAgentProperties properties, ObjectProvider<ZegoAiAgentClock> clock) {
    Token04Generator generator = Token04Generator.builder()
        .appId(properties.getAppId())
        .serverSecret(properties.getServerSecret())
        .variant(properties.getToken().getVariant())
        .clock(clock.getIfAvailable(ZegoAiAgentClock::system).clock())
        .build();
    return new ZegoTokenService(properties.getAppId(), generator, properties.getToken().getDefaultValidity());
  }
}
