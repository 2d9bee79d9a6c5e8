package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a handler throws, the delivery's keys (Nonce and event identity) are forgotten, so the
 * service's retry, with the same Nonce or re-signed with a new one, is handled; an {@code Error}
 * still propagates after the cleanup.
 */
class NoLostCallbackTest {

  private final CallbackVerifier verifier = CallbackVerifier.builder("s")
      .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
  private final List<String> handled = new ArrayList<>();
  private final List<CallbackOutcome> outcomes = new ArrayList<>();

  /** A handler that throws the given failures on its first calls, then records the event. */
  private CallbackReceiver receiver(List<Supplier<Throwable>> failures) {
    List<Supplier<Throwable>> left = new ArrayList<>(failures);
    return new CallbackReceiver(verifier, new CallbackHandler() {
      @Override
      public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
        if (!left.isEmpty()) {
          Throwable t = left.remove(0).get();
          if (t instanceof RuntimeException r) {
            throw r;
          }
          throw (Error) t;
        }
        handled.add(event.getAgentInstanceId());
      }
    }, outcomes::add);
  }

  private byte[] delivery(String nonce) {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Nonce", nonce);
    body.put("Signature", verifier.expectedSignature(body.get("Timestamp").asText(), nonce));
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AssertionError", "StackOverflowError", "OutOfMemoryError"})
  void anErrorPropagatesAndTheRetryWithTheSameNonceIsHandledOnce(String kind) {
    Supplier<Throwable> error = switch (kind) {
      case "AssertionError" -> () -> new AssertionError("expected 2 but was 1");
      case "StackOverflowError" -> StackOverflowError::new;
      default -> () -> new OutOfMemoryError("simulated");
    };
    CallbackReceiver receiver = receiver(List.of(error));
    byte[] body = delivery("7450395512627324902");

    Throwable thrown = catchThrowable(() -> receiver.handle(body));

    assertThat(thrown).isInstanceOf(Error.class).hasMessage(error.get().getMessage());
    assertThat(outcomes).extracting(CallbackOutcome::status).containsExactly(Status.HANDLER_FAILED);
    assertThat(receiver.handle(body).status()).as("the service's retry").isEqualTo(Status.HANDLED);
    assertThat(receiver.handle(body).status()).as("a later duplicate").isEqualTo(Status.DUPLICATE);
    assertThat(handled).containsExactly("1912124734317838336");
  }

  @Test
  void aRetryReSignedWithANewNonceAfterAnErrorIsHandledOnce() {
    CallbackReceiver receiver = receiver(List.of(() -> new AssertionError("boom")));

    assertThat(catchThrowable(() -> receiver.handle(delivery("1")))).isInstanceOf(AssertionError.class);

    assertThat(receiver.handle(delivery("2")).status()).isEqualTo(Status.HANDLED);
    assertThat(receiver.handle(delivery("3")).status()).as("same event, another Nonce").isEqualTo(Status.DUPLICATE);
    assertThat(handled).hasSize(1);
  }

  @Test
  void aRuntimeExceptionAnswers500AndTheRetryIsHandled() {
    CallbackReceiver receiver = receiver(List.of(() -> new IllegalStateException("db down")));
    byte[] body = delivery("1");

    CallbackOutcome failed = receiver.handle(body);

    assertThat(failed.status()).isEqualTo(Status.HANDLER_FAILED);
    assertThat(failed.httpStatus()).isEqualTo(500);
    assertThat(failed.detail()).contains("IllegalStateException", "db down");
    assertThat(receiver.handle(body).status()).isEqualTo(Status.HANDLED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void aFailingSharedStoreDoesNotKeepTheNonceOfADeliveryNeverHandled() {
    CallbackDuplicateStore memory = CallbackDuplicateStore.inMemory(100);
    boolean[] failIdentity = {true};
    CallbackDuplicateStore flaky = new CallbackDuplicateStore() {
      @Override
      public boolean markIfAbsent(String key, Instant now, Instant expiresAt) {
        if (key.startsWith("event:") && failIdentity[0]) {
          failIdentity[0] = false;
          throw new IllegalStateException("store unavailable");
        }
        return memory.markIfAbsent(key, now, expiresAt);
      }

      @Override
      public void forget(String key) {
        memory.forget(key);
      }
    };
    CallbackVerifier shared = CallbackVerifier.builder("s").duplicateStore(flaky)
        .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
    CallbackReceiver receiver = new CallbackReceiver(shared, new CallbackHandler() {
      @Override
      public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
        handled.add(event.getAgentInstanceId());
      }
    });
    byte[] body = delivery("1");

    assertThat(catchThrowable(() -> receiver.handle(body))).hasMessage("store unavailable");
    assertThat(receiver.handle(body).status()).as("the retry after the store came back").isEqualTo(Status.HANDLED);
    assertThat(handled).hasSize(1);
  }
}
