package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.RecordingLogger;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.callback.CallbackOutcome.Status;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Refused callbacks are visible: one WARNING per cause (forged; stale with the skew in seconds
 * and a word about clocks; malformed with the JSON path; a failed handler with its exception),
 * duplicates at DEBUG, never a secret or a Signature, and a flood costs one line per cause and
 * interval.
 */
class RefusalLogTest {

  private static final String CALLBACK_SECRET = "callback-secret-never-logged";
  private static final Instant SENT = Instant.ofEpochMilli(1745502313000L);

  private final RecordingLogger logger = new RecordingLogger();
  private final AtomicLong nanos = new AtomicLong();

  private CallbackReceiver receiver(Instant verifierNow, CallbackHandler handler) {
    CallbackVerifier verifier = CallbackVerifier.builder(CALLBACK_SECRET)
        .clock(Clock.fixed(verifierNow, ZoneOffset.UTC)).build();
    return new CallbackReceiver(verifier, handler, outcome -> { },
        new RefusalLog(logger, nanos::get, Duration.ofMinutes(1)));
  }

  private static byte[] delivery(String nonce, String signature) {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Nonce", nonce);
    body.put("Signature", signature);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] signed(String nonce) {
    CallbackVerifier signer = new CallbackVerifier(CALLBACK_SECRET);
    return delivery(nonce, signer.expectedSignature(Long.toString(SENT.toEpochMilli()), nonce));
  }

  @Test
  void aFloodOfForgedDeliveriesIsOneWarningPerIntervalWithACount() {
    CallbackReceiver receiver = receiver(SENT, new CallbackHandler() { });
    for (int i = 0; i < 10_000; i++) {
      assertThat(receiver.handle(delivery("n" + i, "0".repeat(40))).status()).isEqualTo(Status.FORGED);
    }
    assertThat(logger.lines()).hasSize(1);
    assertThat(logger.lines().get(0)).startsWith("WARNING ZEGO callback refused (401 forged): callback signature is wrong")
        .contains("CallbackSecret", "not the ServerSecret", "at most one such line per 60 s");

    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    receiver.handle(delivery("late", "0".repeat(40)));

    assertThat(logger.lines()).hasSize(2);
    assertThat(logger.lines().get(1)).contains("[9999 more forged deliveries since the last such line]");
  }

  @Test
  void aStaleDeliveryNamesTheSkewInSecondsAndTheClocks() {
    CallbackReceiver receiver = receiver(SENT.plus(Duration.ofHours(2)), new CallbackHandler() { });

    assertThat(receiver.handle(signed("1")).status()).isEqualTo(Status.STALE);

    assertThat(logger.at(Level.WARNING)).singleElement().asString()
        .contains("(401 stale)", "7200 s behind this server's clock", "tolerance of 122 s")
        .contains("check this server's clock", "mock server's fixed or advanced clock");
  }

  @Test
  void aMalformedDeliveryNamesTheJsonPath() {
    CallbackVerifier signer = new CallbackVerifier(CALLBACK_SECRET);
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    ((ObjectNode) body.get("Data")).put("Code", 1.5);
    body.put("Signature", signer.expectedSignature(body.get("Timestamp").asText(), body.get("Nonce").asText()));
    CallbackReceiver receiver = receiver(SENT, new CallbackHandler() { });

    assertThat(receiver.handle(body.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(Status.MALFORMED);

    assertThat(logger.at(Level.WARNING)).singleElement().asString()
        .contains("(400 malformed)", "does not match its schema at $.Data.Code");
  }

  @Test
  void eachCauseHasItsOwnWarningAndDuplicatesAreDebug() {
    CallbackReceiver receiver = receiver(SENT, new CallbackHandler() {
      @Override
      public void onAgentInstanceDeleted(io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent e) {
        throw new IllegalStateException("handler bug");
      }
    });
    receiver.handle(delivery("f", "0".repeat(40)));
    receiver.handle("not json".getBytes(StandardCharsets.UTF_8));
    receiver.handle(signed("h"));                  // the handler throws
    CallbackReceiver ok = receiver(SENT, new CallbackHandler() { });
    ok.handle(signed("d"));
    ok.handle(signed("d"));                         // duplicate

    assertThat(logger.at(Level.WARNING)).hasSize(3);
    assertThat(logger.at(Level.WARNING).get(2)).contains("(500 handler failed)", "IllegalStateException: handler bug",
        "the service's retry is handled");
    assertThat(logger.thrown()).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(logger.at(Level.DEBUG)).singleElement().asString().contains("duplicate", "Nonce d");
    assertThat(logger.at(Level.INFO)).isEmpty();
  }

  @Test
  void noLineCarriesASecretOrASignatureAndWireTextIsEscaped() {
    CallbackVerifier signer = new CallbackVerifier(CALLBACK_SECRET);
    String signature = signer.expectedSignature(Long.toString(SENT.toEpochMilli()), "n1");
    CallbackReceiver stale = receiver(SENT.plus(Duration.ofDays(1)), new CallbackHandler() { });
    stale.handle(delivery("n1", signature));
    ObjectNode hostile = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    hostile.put("Event", "Evil\r\nWARNING forged \u001b[31m" + "x".repeat(100_000));
    hostile.put("Signature", "f".repeat(40));
    receiver(SENT, new CallbackHandler() { }).handle(hostile.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(logger.lines()).hasSize(2);
    for (String line : logger.lines()) {
      assertThat(line).doesNotContain(CALLBACK_SECRET).doesNotContain(signature).doesNotContain("f".repeat(40))
          .doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b").hasSizeLessThan(1500);
    }
    assertThat(logger.lines().get(1)).contains("Evil\\r\\nWARNING forged \\u001b[31m");
  }

  @Test
  void theStandardLogIsTheJdkLoggerNamedAfterTheReceiver() {
    Logger jul = Logger.getLogger(CallbackReceiver.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    jul.addHandler(handler);
    try {
      CallbackVerifier verifier = CallbackVerifier.builder(CALLBACK_SECRET).clock(Clock.fixed(SENT, ZoneOffset.UTC)).build();
      new CallbackReceiver(verifier, new CallbackHandler() { }).handle(delivery("x", "0".repeat(40)));
    } finally {
      jul.removeHandler(handler);
    }
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
      assertThat(r.getMessage()).contains("401 forged");
    });
  }
}
