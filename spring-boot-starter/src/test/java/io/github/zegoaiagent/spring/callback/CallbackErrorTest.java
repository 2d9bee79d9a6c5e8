package io.github.zegoaiagent.spring.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.callback.CallbackHandler;
import io.github.zegoaiagent.client.callback.CallbackOutcome;
import io.github.zegoaiagent.client.callback.CallbackReceiver;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The starter's endpoint loses no callback when the application's code throws an {@code Error}
 * (an assertion in a test): from a {@code CallbackHandler} bean the Error reaches the servlet
 * container (500); from an {@code @EventListener} Spring wraps it, and the endpoint answers 500
 * naming the assertion. Either way the service's retry of the same delivery is handled once.
 */
class CallbackErrorTest {

  static final String SECRET = "starter-callback-secret";

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZegoCallbackAutoConfiguration.class))
      .withPropertyValues("zego.aiagent.callback.enabled=true", "zego.aiagent.callback.secret=" + SECRET);

  /** Throws on the first delivery, records the rest. */
  static final class FailingOnce {
    final List<String> handled = new CopyOnWriteArrayList<>();
    private boolean failed;

    synchronized void on(AgentInstanceDeletedEvent event) {
      if (!failed) {
        failed = true;
        throw new AssertionError("expected the instance to be gone already");
      }
      handled.add(event.getAgentInstanceId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ListenerApp {
    final FailingOnce target = new FailingOnce();

    @EventListener
    public void on(AgentInstanceDeletedEvent event) {
      target.on(event);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class HandlerApp {
    final FailingOnce target = new FailingOnce();

    @Bean
    CallbackHandler failingHandler() {
      return new CallbackHandler() {
        @Override
        public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
          target.on(event);
        }
      };
    }
  }

  private static byte[] deleted(String instanceId, String nonce) {
    long now = System.currentTimeMillis();
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("AppId", 1234567890L).put("AgentInstanceId", instanceId)
        .put("Event", "AgentInstanceDeleted").put("Nonce", nonce).put("Timestamp", now).put("Sequence", 1)
        .put("Signature", new CallbackVerifier(SECRET).expectedSignature(Long.toString(now), nonce));
    body.putObject("Data").put("Code", 0);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anErrorInAHandlerBeanReachesTheContainerAndTheRetryIsHandled() {
    runner.withUserConfiguration(HandlerApp.class).run(ctx -> {
      CallbackReceiver receiver = ctx.getBean(CallbackReceiver.class);
      byte[] body = deleted("1912124734317838336", "7450395512627324902");

      assertThat(catchThrowable(() -> receiver.handle(body))).isInstanceOf(AssertionError.class);
      assertThat(receiver.handle(body).status()).as("the service's retry").isEqualTo(CallbackOutcome.Status.HANDLED);
      assertThat(receiver.handle(body).status()).isEqualTo(CallbackOutcome.Status.DUPLICATE);
      assertThat(ctx.getBean(HandlerApp.class).target.handled).containsExactly("1912124734317838336");
    });
  }

  @Test
  void anErrorInAnEventListenerAnswers500AndTheRetryIsHandled() {
    runner.withUserConfiguration(ListenerApp.class).run(ctx -> {
      CallbackReceiver receiver = ctx.getBean(CallbackReceiver.class);
      byte[] body = deleted("1912124734317838337", "7450395512627324903");

      CallbackOutcome failed = receiver.handle(body);

      assertThat(failed.httpStatus()).isEqualTo(500);
      assertThat(failed.detail()).contains("java.lang.AssertionError: expected the instance to be gone already");
      assertThat(receiver.handle(body).status()).as("the service's retry").isEqualTo(CallbackOutcome.Status.HANDLED);
      assertThat(ctx.getBean(ListenerApp.class).target.handled).containsExactly("1912124734317838337");
    });
  }
}
