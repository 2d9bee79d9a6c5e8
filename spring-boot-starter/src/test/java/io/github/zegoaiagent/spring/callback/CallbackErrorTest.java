package io.github.zegoaiagent.spring.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The starter's endpoint loses no callback: an {@code Error} thrown by the application's
 * {@code @EventListener} (an assertion in a test) reaches the servlet container, which answers
 * 500, and the service's retry of the same delivery is handled.
 */
class CallbackErrorTest {

  static final String SECRET = "starter-callback-secret";

  /** Fails on the first delivery it sees, records the rest. */
  @Configuration(proxyBeanMethods = false)
  static class FailingOnceListener {
    final List<String> handled = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(AgentInstanceDeletedEvent event) {
      if (handled.isEmpty() && !event.getAgentInstanceId().endsWith("-seen")) {
        handled.add(event.getAgentInstanceId() + "-seen");
        throw new AssertionError("expected the instance to be gone already");
      }
      handled.add(event.getAgentInstanceId());
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
  void anErrorInAnEventListenerPropagatesAndTheRetryIsHandled() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZegoCallbackAutoConfiguration.class))
        .withUserConfiguration(FailingOnceListener.class)
        .withPropertyValues("zego.aiagent.callback.enabled=true", "zego.aiagent.callback.secret=" + SECRET)
        .run(ctx -> {
          CallbackReceiver receiver = ctx.getBean(CallbackReceiver.class);
          byte[] body = deleted("1912124734317838336", "7450395512627324902");

          assertThat(catchThrowable(() -> receiver.handle(body))).isInstanceOf(AssertionError.class)
              .hasMessage("expected the instance to be gone already");
          assertThat(receiver.handle(body).status()).as("the service's retry").isEqualTo(CallbackOutcome.Status.HANDLED);
          assertThat(receiver.handle(body).status()).isEqualTo(CallbackOutcome.Status.DUPLICATE);
          assertThat(ctx.getBean(FailingOnceListener.class).handled)
              .containsExactly("1912124734317838336-seen", "1912124734317838336");
        });
  }
}
