package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import io.github.zegoaiagent.client.callback.CallbackVerifier.Verdict;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tolerance, replay, duplicate and handler-failure behaviour of the verifier and the receiver. */
class CallbackVerificationTest {

  private static final String SECRET = "callback-secret";

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    final AtomicLong millis;

    ManualClock(long millis) {
      this.millis = new AtomicLong(millis);
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  private final ManualClock clock = new ManualClock(1_800_000_000_000L);
  private final CallbackVerifier verifier = CallbackVerifier.builder(SECRET).clock(clock).build();
  private final List<String> handled = new ArrayList<>();
  private final CallbackHandler handler = new CallbackHandler() {
    @Override
    public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
      handled.add(event.getAgentInstanceId() + "/" + event.getSequence());
    }
  };
  private final CallbackReceiver receiver = new CallbackReceiver(verifier, handler);

  /** The contract's deleted example, sent now with the given nonce and sequence, signed with SECRET. */
  private byte[] delivery(long timestampMillis, String nonce, long sequence) {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Timestamp", timestampMillis);
    body.put("Nonce", nonce);
    body.put("Sequence", sequence);
    body.put("Signature", verifier.expectedSignature(Long.toString(timestampMillis), nonce));
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void defaultToleranceCoversTheContractsRetrySchedule() {
    long retrySeconds = SpecExamples.contract().limits().callbackRetryDelaysSeconds().stream()
        .mapToLong(Long::longValue).sum();
    assertThat(retrySeconds).isPositive();
    assertThat(CallbackEvents.retryWindow()).isEqualTo(Duration.ofSeconds(retrySeconds));
    assertThat(CallbackVerifier.defaultTolerance()).isEqualTo(Duration.ofSeconds(retrySeconds).plus(CallbackVerifier.DEFAULT_SKEW_ALLOWANCE));
    assertThat(verifier.tolerance()).isEqualTo(CallbackVerifier.defaultTolerance());
  }

  @Test
  void aDeliveryRetriedWithItsFirstTimestampIsAcceptedUntilTheToleranceEnds() {
    long sent = clock.millis();
    clock.advance(CallbackEvents.retryWindow());
    assertThat(receiver.handle(delivery(sent, "n1", 1)).status()).isEqualTo(Status.HANDLED);
    clock.advance(CallbackVerifier.DEFAULT_SKEW_ALLOWANCE); // exactly at the tolerance: still accepted
    assertThat(receiver.handle(delivery(sent, "n2", 2)).status()).isEqualTo(Status.HANDLED);
    clock.advance(Duration.ofMillis(1));
    CallbackOutcome stale = receiver.handle(delivery(sent, "n3", 3));
    assertThat(stale.status()).isEqualTo(Status.STALE);
    assertThat(stale.httpStatus()).isEqualTo(401);
    assertThat(stale.detail()).contains("Nonce n3").doesNotContain(SECRET);
    assertThat(handled).hasSize(2);
  }

  @Test
  void aTimestampFromTheFutureBeyondTheToleranceIsStale() {
    long future = clock.millis() + verifier.tolerance().toMillis() + 1;
    assertThat(receiver.handle(delivery(future, "f", 1)).status()).isEqualTo(Status.STALE);
    assertThat(verifier.verify(Long.toString(Long.MIN_VALUE), "x",
        verifier.expectedSignature(Long.toString(Long.MIN_VALUE), "x"))).isEqualTo(Verdict.STALE);
    assertThat(verifier.verify("12ab", "x", verifier.expectedSignature("12ab", "x"))).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void aReplayedDeliveryIsAcknowledgedAsDuplicateAndNotHandledAgain() {
    byte[] body = delivery(clock.millis(), "7450395512627324902", 10);
    assertThat(receiver.handle(body).status()).isEqualTo(Status.HANDLED);
    clock.advance(Duration.ofSeconds(30));
    CallbackOutcome replay = receiver.handle(body);
    assertThat(replay.status()).isEqualTo(Status.DUPLICATE);
    assertThat(replay.httpStatus()).isEqualTo(200);
    assertThat(replay.acknowledged()).isTrue();
    assertThat(handled).containsExactly("1912124734317838336/10");
  }

  @Test
  void aRetryResignedWithANewNonceIsTheSameEvent() {
    long first = clock.millis();
    assertThat(receiver.handle(delivery(first, "a", 42)).status()).isEqualTo(Status.HANDLED);
    clock.advance(Duration.ofSeconds(2));
    assertThat(receiver.handle(delivery(clock.millis(), "b", 42)).status()).isEqualTo(Status.DUPLICATE);
    assertThat(receiver.handle(delivery(clock.millis(), "c", 43)).status()).isEqualTo(Status.HANDLED);
    assertThat(handled).containsExactly("1912124734317838336/42", "1912124734317838336/43");
  }

  @Test
  void aForgedDeliveryIsRefusedAndDoesNotBlockTheGenuineOne() {
    byte[] genuine = delivery(clock.millis(), "n", 5);
    String forged = new String(genuine, StandardCharsets.UTF_8).replaceAll("\"Signature\":\"[0-9a-f]+\"",
        "\"Signature\":\"" + "0".repeat(40) + "\"");
    CallbackOutcome outcome = receiver.handle(forged.getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.status()).isEqualTo(Status.FORGED);
    assertThat(outcome.httpStatus()).isEqualTo(401);
    assertThat(outcome.event()).isNull();
    // Signed by someone with another secret.
    CallbackVerifier other = new CallbackVerifier("another-secret");
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Timestamp", clock.millis());
    body.put("Signature", other.expectedSignature(Long.toString(clock.millis()), body.get("Nonce").asText()));
    assertThat(receiver.handle(body.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(Status.FORGED);
    assertThat(receiver.handle(genuine).status()).isEqualTo(Status.HANDLED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void malformedBodiesGet400() throws Exception {
    assertThat(receiver.handle("not json".getBytes(StandardCharsets.UTF_8)).httpStatus()).isEqualTo(400);
    assertThat(receiver.handle("[1]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(Status.MALFORMED);
    assertThat(receiver.handle("{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(Status.MALFORMED);
    assertThat(receiver.handle(new byte[0]).status()).isEqualTo(Status.MALFORMED);
    assertThat(receiver.handle(null).status()).isEqualTo(Status.MALFORMED);
    // Genuine signature, but Data.Code is not a number: the schema of AgentInstanceDeleted says it is.
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Timestamp", clock.millis());
    body.put("Signature", verifier.expectedSignature(Long.toString(clock.millis()), body.get("Nonce").asText()));
    ((ObjectNode) body.get("Data")).put("Code", "zero");
    CallbackOutcome bad = receiver.handle(body.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(bad.status()).isEqualTo(Status.MALFORMED);
    assertThat(bad.detail()).contains("AgentInstanceDeleted");
    assertThat(handled).isEmpty();
  }

  @Test
  void aFailingHandlerAnswers500AndTheRetryIsHandled() {
    List<Long> attempts = new ArrayList<>();
    CallbackReceiver flaky = new CallbackReceiver(verifier, new CallbackHandler() {
      @Override
      public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
        attempts.add(event.getSequence());
        if (attempts.size() == 1) {
          throw new IllegalStateException("database down");
        }
      }
    });
    byte[] body = delivery(clock.millis(), "r", 7);
    CallbackOutcome failed = flaky.handle(body);
    assertThat(failed.status()).isEqualTo(Status.HANDLER_FAILED);
    assertThat(failed.httpStatus()).isEqualTo(500);
    assertThat(failed.event()).isInstanceOf(AgentInstanceDeletedEvent.class);
    clock.advance(Duration.ofSeconds(2));
    assertThat(flaky.handle(body).status()).isEqualTo(Status.HANDLED);
    assertThat(flaky.handle(body).status()).isEqualTo(Status.DUPLICATE);
    assertThat(attempts).containsExactly(7L, 7L);
  }

  @Test
  void theObserverSeesEveryOutcomeAndCannotChangeIt() {
    List<Status> seen = new ArrayList<>();
    CallbackReceiver observed = new CallbackReceiver(verifier, handler, o -> {
      seen.add(o.status());
      throw new IllegalStateException("observer bug");
    });
    byte[] body = delivery(clock.millis(), "o", 1);
    assertThat(observed.handle(body).status()).isEqualTo(Status.HANDLED);
    assertThat(observed.handle(body).status()).isEqualTo(Status.DUPLICATE);
    assertThat(seen).containsExactly(Status.HANDLED, Status.DUPLICATE);
  }

  @Test
  void theInMemoryStoreIsBoundedAndForgetsExpiredKeys() {
    InMemoryDuplicateStore store = new InMemoryDuplicateStore(3);
    Instant now = Instant.ofEpochSecond(1000);
    Instant later = now.plusSeconds(60);
    assertThat(store.markIfAbsent("a", now, later)).isTrue();
    assertThat(store.markIfAbsent("a", now, later)).isFalse();
    assertThat(store.markIfAbsent("b", now, later)).isTrue();
    assertThat(store.markIfAbsent("c", now, later)).isTrue();
    assertThat(store.markIfAbsent("d", now, later)).isTrue(); // full: "a", the oldest, goes
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.evicted()).isEqualTo(1);
    assertThat(store.markIfAbsent("b", now, later)).isFalse();
    // After expiry everything is forgotten (the tolerance refuses such deliveries anyway).
    assertThat(store.markIfAbsent("e", later, later.plusSeconds(60))).isTrue();
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.markIfAbsent("b", later, later.plusSeconds(60))).isTrue();
    store.forget("b");
    assertThat(store.markIfAbsent("b", later, later.plusSeconds(60))).isTrue();
  }

  @Test
  void aSharedStoreIsUsedThroughTheInterface() {
    List<String> keys = new ArrayList<>();
    CallbackDuplicateStore recording = new CallbackDuplicateStore() {
      private final CallbackDuplicateStore inner = CallbackDuplicateStore.inMemory(10);

      @Override
      public boolean markIfAbsent(String key, Instant now, Instant expiresAt) {
        keys.add(key + "@" + Duration.between(now, expiresAt).toSeconds());
        return inner.markIfAbsent(key, now, expiresAt);
      }

      @Override
      public void forget(String key) {
        inner.forget(key);
      }
    };
    CallbackVerifier shared = CallbackVerifier.builder(SECRET).clock(clock).tolerance(Duration.ofSeconds(90))
        .duplicateStore(recording).build();
    assertThat(new CallbackReceiver(shared, handler).handle(delivery(clock.millis(), "s", 9)).status()).isEqualTo(Status.HANDLED);
    assertThat(keys).containsExactly("nonce:s@90", "event:1912124734317838336/AgentInstanceDeleted/9@90");
    assertThat(shared.toString()).doesNotContain(SECRET);
  }
}
