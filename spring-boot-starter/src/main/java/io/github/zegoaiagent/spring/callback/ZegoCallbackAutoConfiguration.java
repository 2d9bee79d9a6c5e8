package io.github.zegoaiagent.spring.callback;

import io.github.zegoaiagent.client.callback.CallbackDuplicateStore;
import io.github.zegoaiagent.client.callback.CallbackEvents;
import io.github.zegoaiagent.client.callback.CallbackHandler;
import io.github.zegoaiagent.client.callback.CallbackReceiver;
import io.github.zegoaiagent.client.callback.CallbackServlet;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.CallbackEvent;
import io.github.zegoaiagent.spring.ZegoAiAgentClock;
import io.github.zegoaiagent.spring.ZegoAiAgentProperties;
import io.github.zegoaiagent.spring.ZegoAiAgentPropertiesAutoConfiguration;
import io.github.zegoaiagent.spring.metrics.ZegoObservationRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Servlet;
import java.lang.reflect.Proxy;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The callback endpoint, in a servlet web application when {@code zego.aiagent.callback.enabled=true}
 * or, with that property unset, when {@code zego.aiagent.callback.secret} is set: a {@link CallbackServlet} at {@code zego.aiagent.callback.path} that verifies
 * (signature with {@code zego.aiagent.callback.secret}, Timestamp tolerance, duplicates), then
 * publishes each genuine first-time event as a Spring application event whose payload is the
 * generated event type, and calls every {@link CallbackHandler} bean:
 *
 * <pre>{@code
 * @EventListener
 * void on(AgentInstanceDeletedEvent e) { ... }      // one event type
 * @EventListener
 * void on(CallbackEvent e) { ... }                  // every event, UnknownCallbackEvent included
 * }</pre>
 *
 * A listener that throws makes the endpoint answer 500, so the service delivers the event again.
 * Independent of {@code zego.aiagent.app-id}: a receiver-only service needs no API client. The
 * verifier compares Timestamps with the {@link ZegoAiAgentClock} bean when there is one.
 */
@AutoConfiguration(after = ZegoAiAgentPropertiesAutoConfiguration.class)
@Conditional(OnCallbackEndpointCondition.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Servlet.class, ServletRegistrationBean.class})
@EnableConfigurationProperties(ZegoAiAgentProperties.class)
public class ZegoCallbackAutoConfiguration {

  /**
   * @param properties {@code zego.aiagent.*}
   * @param store a shared duplicate store, if the application defines one
   * @param clock the clock bean, if any
   * @return the verifier
   */
  @Bean
  @ConditionalOnMissingBean
  public CallbackVerifier zegoCallbackVerifier(ZegoAiAgentProperties properties, ObjectProvider<CallbackDuplicateStore> store,
      ObjectProvider<ZegoAiAgentClock> clock) {
    ZegoAiAgentProperties.Callback c = properties.getCallback(); // checked when bound: served means a secret
    CallbackVerifier.Builder b = CallbackVerifier.builder(c.getSecret())
        .clock(clock.getIfAvailable(ZegoAiAgentClock::system).clock())
        .duplicateStore(store.getIfAvailable(() -> CallbackDuplicateStore.inMemory(c.getDuplicateStoreCapacity())));
    if (c.getTolerance() != null) {
      b.tolerance(c.getTolerance());
    }
    return b.build();
  }

  /**
   * @param verifier the verifier
   * @param publisher where events are published
   * @param handlers every CallbackHandler bean, in order
   * @param listeners every CallbackOutcomeListener bean, in order
   * @return the receiver
   */
  @Bean
  @ConditionalOnMissingBean
  public CallbackReceiver zegoCallbackReceiver(CallbackVerifier verifier, ApplicationEventPublisher publisher,
      ObjectProvider<CallbackHandler> handlers, ObjectProvider<CallbackOutcomeListener> listeners) {
    List<CallbackOutcomeListener> observers = listeners.orderedStream().toList();
    return new CallbackReceiver(verifier, publishing(publisher, handlers), outcome -> {
      ObservedCallbackServlet.outcome(outcome);
      for (CallbackOutcomeListener l : observers) {
        try {
          l.onOutcome(outcome);
        } catch (RuntimeException ignored) {
          // A listener never changes the answer.
        }
      }
    });
  }

  /**
   * A handler that publishes the event, then calls every handler bean. A proxy of the generated
   * interface, so an event added to the contract is published without a change here.
   */
  static CallbackHandler publishing(ApplicationEventPublisher publisher, ObjectProvider<CallbackHandler> handlers) {
    return (CallbackHandler) Proxy.newProxyInstance(CallbackHandler.class.getClassLoader(),
        new Class<?>[] {CallbackHandler.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "toString" -> "ZegoCallbackPublisher";
              case "hashCode" -> System.identityHashCode(proxy);
              default -> proxy == args[0];
            };
          }
          CallbackEvent event = (CallbackEvent) args[0];
          publisher.publishEvent(event);
          handlers.orderedStream().forEach(h -> CallbackEvents.dispatch(event, h));
          return null;
        });
  }

  /**
   * @param receiver the receiver
   * @param properties {@code zego.aiagent.callback.path}, {@code max-body-bytes}
   * @param observer watches each delivery (observations), if Micrometer is present
   * @return the servlet registration at the configured path
   */
  @Bean
  @ConditionalOnMissingBean(name = "zegoCallbackServlet")
  public ServletRegistrationBean<CallbackServlet> zegoCallbackServlet(CallbackReceiver receiver, ZegoAiAgentProperties properties,
      ObjectProvider<DeliveryObserver> observer) {
    String path = properties.getCallback().getPath(); // checked when bound
    ServletRegistrationBean<CallbackServlet> registration = new ServletRegistrationBean<>(
        new ObservedCallbackServlet(receiver, properties.getCallback().getMaxBodyBytes(), observer::getIfAvailable), path);
    registration.setName("zegoCallbackServlet");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** Each delivery an observation ({@link CallbackObservations}), when Micrometer is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
  @ConditionalOnBooleanProperty(name = "zego.aiagent.metrics.enabled", matchIfMissing = true)
  static class Observations {

    @Bean
    DeliveryObserver zegoCallbackObservations(ObjectProvider<ObservationRegistry> observations,
        ObjectProvider<MeterRegistry> meters) {
      return new CallbackObservations(new ZegoObservationRegistry(observations, meters));
    }
  }
}
