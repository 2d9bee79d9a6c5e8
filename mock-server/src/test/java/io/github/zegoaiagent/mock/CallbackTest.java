package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.internal.callback.CallbackSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed callback delivery to a local receiver, with retries on the simulation clock (the test
 * server's clock is fixed: a retry happens when the test advances it) and parallel deliveries.
 */
class CallbackTest {
  static final String CALLBACK_SECRET = "callback-secret-for-tests";

  HttpServer receiver;
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger attempts = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/cb", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      attempts.incrementAndGet();
      int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
      if (status == 200) {
        received.add(RawApi.JSON.readTree(body));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  MockServer mock(List<Duration> retries) {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb");
    return MockServer.start(TestServers.config().callbackUrl(url).callbackSecret(CALLBACK_SECRET)
        .callbackRetryDelays(retries).build());
  }

  /** Independent SHA-1 check of the signature (reference §8.5). */
  static boolean verify(JsonNode e) throws Exception {
    String[] parts = {CALLBACK_SECRET, Long.toString(e.path("Timestamp").asLong()), e.path("Nonce").asText()};
    Arrays.sort(parts);
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes("UTF-8")));
    return sha1.equals(e.path("Signature").asText());
  }

  /** Waits (wall clock, bounded) until the condition holds. */
  static void await(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!c.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(c.getAsBoolean()).as(what).isTrue();
  }

  JsonNode next() throws InterruptedException {
    JsonNode e = received.poll(20, TimeUnit.SECONDS);
    assertThat(e).as("callback delivered").isNotNull();
    return e;
  }

  @Test
  void signerMatchesTheDocumentedVector() {
    assertThat(CallbackSigner.sign("secret", "1470820198", "123412")).isEqualTo("5bd59fd62953a8059fb7eaba95720f66d19e4517");
    assertThat(CallbackSigner.sign("secret", "1745502313000", "7450395512627324902"))
        .isEqualTo("833b8278832150220fe9cccace3d54fe8783ba5c");
  }

  @Test
  void eventsArriveSignedInOrder() throws Exception {
    try (MockServer server = mock(List.of(Duration.ofMillis(10)))) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("cb", "1",
          ",\"CallbackConfig\":{\"AgentInstanceStatus\":1,\"LLMResult\":1}")).path("AgentInstanceId").asText();
      api.ok("SendAgentInstanceLLM", Bodies.llm(id, "hi", ""));
      server.advanceClock(Duration.ofSeconds(10));
      api.ok("DeleteAgentInstance", Bodies.id(id));
      List<JsonNode> events = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        events.add(next());
      }
      // Deliveries run in parallel: receivers order by Sequence, as with the service.
      events.sort(java.util.Comparator.comparingLong(e -> e.path("Sequence").asLong()));
      List<String> names = new ArrayList<>();
      long lastSeq = -1;
      for (JsonNode e : events) {
        assertThat(verify(e)).as("signature of %s", e).isTrue();
        assertThat(e.path("AppId").asLong()).isEqualTo(server.appId());
        assertThat(e.path("AgentInstanceId").asText()).isEqualTo(id);
        assertThat(e.path("Timestamp").asLong()).isGreaterThan(1_000_000_000_000L); // milliseconds
        assertThat(e.path("Sequence").asLong()).isGreaterThan(lastSeq);
        lastSeq = e.path("Sequence").asLong();
        names.add(e.path("Event").asText() + (e.path("Data").has("Status") ? ":" + e.path("Data").path("Status").asText() : ""));
      }
      assertThat(names).containsExactly("AgentInstanceCreated", "AgentInstanceStatus:THINKING", "LLMResult",
          "AgentInstanceStatus:SPEAKING", "AgentInstanceStatus:IDLE", "AgentInstanceDeleted");
      assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
      assertThat(server.callbacks().getDelivered()).isEqualTo(6);
    }
  }

  @Test
  void failedDeliveriesAreRetriedThenDelivered() throws Exception {
    failuresLeft.set(2);
    try (MockServer server = mock(List.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80)))) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      api.ok("CreateAgentInstance", Bodies.instance("cb", "1"));
      await("first attempt failed", () -> server.callbacks().getFailedAttempts() == 1);
      server.advanceClock(Duration.ofMillis(20));
      await("second attempt failed", () -> server.callbacks().getFailedAttempts() == 2);
      server.advanceClock(Duration.ofMillis(40));
      JsonNode e = next();
      assertThat(e.path("Event").asText()).isEqualTo("AgentInstanceCreated");
      assertThat(verify(e)).isTrue();
      assertThat(attempts.get()).isEqualTo(3);
      assertThat(server.callbacks().getFailedAttempts()).isEqualTo(2);
    }
  }

  @Test
  void givesUpAfterTheLastRetry() throws Exception {
    failuresLeft.set(100);
    try (MockServer server = mock(List.of(Duration.ofMillis(10), Duration.ofMillis(10)))) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      api.ok("CreateAgentInstance", Bodies.instance("cb", "1"));
      for (int failed = 1; failed <= 2; failed++) {
        int n = failed;
        await("attempt " + n + " failed", () -> server.callbacks().getFailedAttempts() == n);
        server.advanceClock(Duration.ofMillis(10));
      }
      await("given up", () -> server.callbacks().getDropped() == 1);
      assertThat(server.callbacks().getDropped()).isEqualTo(1);
      assertThat(attempts.get()).as("first attempt + 2 retries").isEqualTo(3);
      assertThat(server.callbacks().getPending()).isZero();
    }
  }

  @Test
  void everyDocumentedRetryWaitsOnTheMockClock() throws Exception {
    failuresLeft.set(100);
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb");
    try (MockServer server = MockServer.start(TestServers.config().callbackUrl(url).callbackSecret(CALLBACK_SECRET).build())) {
      List<Duration> delays = server.config().callbacks().retryDelays(); // 2, 4, 8, 16, 32 s from the contract
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      api.ok("CreateAgentInstance", Bodies.instance("cb", "1"));
      await("first attempt", () -> attempts.get() == 1 && server.callbacks().getFailedAttempts() == 1);
      for (int i = 0; i < delays.size(); i++) {
        int expected = i + 2;
        server.advanceClock(delays.get(i).minusMillis(1));
        Thread.sleep(100); // a wall-clock retry would show up here; none may
        assertThat(attempts.get()).as("no retry before %s of mock time", delays.get(i)).isEqualTo(expected - 1);
        server.advanceClock(Duration.ofMillis(1));
        await("retry after " + delays.get(i), () -> attempts.get() == expected
            && server.callbacks().getFailedAttempts() == expected);
      }
      await("dropped after the last retry", () -> server.callbacks().getDropped() == 1);
      assertThat(attempts.get()).isEqualTo(delays.size() + 1);
      assertThat(server.callbacks().getPending()).isZero();
    }
  }

  @Test
  void aHungReceiverRequestDoesNotHoldTheOtherDeliveries() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger seen = new AtomicInteger();
    BlockingQueue<String> ok = new LinkedBlockingQueue<>();
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slow.createContext("/cb", ex -> {
      JsonNode e = RawApi.JSON.readTree(ex.getRequestBody().readAllBytes());
      if (seen.getAndIncrement() == 0) {
        try {
          release.await(30, TimeUnit.SECONDS); // the first delivery hangs
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      } else {
        ok.add(e.path("AgentInstanceId").asText());
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    slow.start();
    try (MockServer server = MockServer.start(TestServers.config().callbackSecret(CALLBACK_SECRET)
        .callbackUrl(URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/cb")).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      for (int i = 1; i <= 4; i++) {
        api.ok("CreateAgentInstance", Bodies.instance("cb", Integer.toString(i)));
      }
      for (int i = 0; i < 3; i++) {
        assertThat(ok.poll(20, TimeUnit.SECONDS)).as("delivered while the first hangs").isNotNull();
      }
      await("three acknowledged", () -> server.callbacks().getDelivered() == 3);
      assertThat(release.getCount()).as("the first is still hanging").isEqualTo(1);
      assertThat(server.callbacks().getPending()).as("only the hung one").isEqualTo(1);
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void unreachableReceiverNeverBlocksTheApi() throws Exception {
    receiver.stop(0);
    try (MockServer server = MockServer.start(TestServers.config()
        .callbackUrl(URI.create("http://127.0.0.1:9/none")).callbackRetryDelays(List.of()).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      api.ok("CreateAgentInstance", Bodies.instance("cb", "1"));
      assertThat(server.callbacks().getEvents()).hasSize(1);
    }
  }

  @Test
  void defaultRetryDelaysComeFromTheSpec() {
    assertThat(MockServerConfig.builder().build().callbacks().retryDelays()).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));
  }
}
