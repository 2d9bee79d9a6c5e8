package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.CallbackTarget;
import io.github.zegoaiagent.mock.internal.callback.CallbackSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where callbacks go and their secret change while the mock runs, in Java
 * ({@link MockServer#setCallbackTarget}) and over the control API ({@code POST /_mock/callback-target}
 * through the generated {@link MockControlClient}): the case of an application whose port is known
 * only after the mock started.
 */
class CallbackTargetTest {
  HttpServer receiver;
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/app/callback", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
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

  URI receiverUrl() {
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/app/callback");
  }

  static boolean signedWith(String secret, JsonNode e) {
    return CallbackSigner.sign(secret, e.path("Timestamp").asText(), e.path("Nonce").asText())
        .equals(e.path("Signature").asText());
  }

  JsonNode next() throws InterruptedException {
    JsonNode e = received.poll(20, TimeUnit.SECONDS);
    assertThat(e).as("callback delivered to the new target").isNotNull();
    return e;
  }

  static String createInstance(RawApi api, String n) {
    return api.ok("CreateAgentInstance", Bodies.instance("cb", n)).path("AgentInstanceId").asText();
  }

  @Test
  void aMockThatOnlyRecordedStartsDeliveringToTheTargetSetInJava() throws Exception {
    try (MockServer server = MockServer.start(TestServers.config().build())) {
      assertThat(server.callbackUrl()).isNull();
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      createInstance(api, "1");
      assertThat(server.callbacks()).hasSize(1); // recorded, delivered nowhere

      server.setCallbackTarget(receiverUrl(), "first-secret");
      assertThat(server.callbackUrl()).isEqualTo(receiverUrl());
      String id = createInstance(api, "2");
      JsonNode created = next();
      assertThat(created.path("AgentInstanceId").asText()).isEqualTo(id);
      assertThat(signedWith("first-secret", created)).isTrue();

      server.setCallbackTarget(receiverUrl(), "second-secret");
      api.ok("DeleteAgentInstance", Bodies.id(id));
      JsonNode deleted = next();
      assertThat(deleted.path("Event").asText()).isEqualTo("AgentInstanceDeleted");
      assertThat(signedWith("second-secret", deleted)).isTrue();
      assertThat(signedWith("first-secret", deleted)).isFalse();

      server.setCallbackTarget(null, null); // back to recording only
      assertThat(server.callbackUrl()).isNull();
      CallbackTest.await("both acknowledged", () -> server.callbackStats().delivered() == 2);
      createInstance(api, "3");
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(server.callbackStats().delivered()).isEqualTo(2);
      assertThat(server.toString()).doesNotContain("first-secret", "second-secret");
    }
  }

  @Test
  void aWaitingRetryGoesToTheNewTargetWithTheNewSecret() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:1/nobody-listens");
    try (MockServer server = MockServer.start(TestServers.config().callbackUrl(nowhere).callbackSecret("old-secret")
        .callbackRetryDelays(List.of(Duration.ofSeconds(2))).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      String id = createInstance(api, "1");
      CallbackTest.await("first attempt failed", () -> server.callbackStats().failedAttempts() == 1);

      server.setCallbackTarget(receiverUrl(), "new-secret");
      server.advanceClock(Duration.ofSeconds(2)); // the retry comes due on the mock clock
      JsonNode e = next();
      assertThat(e.path("AgentInstanceId").asText()).isEqualTo(id);
      assertThat(signedWith("new-secret", e)).isTrue();
      CallbackTest.await("acknowledged", () -> server.callbackStats().delivered() == 1);
      assertThat(server.callbackStats().pending()).isZero();
    }
  }

  @Test
  void recordingOnlyGivesUpWhatWaitsAndCountsIt() throws Exception {
    failuresLeft.set(1);
    try (MockServer server = MockServer.start(TestServers.config().callbackUrl(receiverUrl()).callbackSecret("s")
        .callbackRetryDelays(List.of(Duration.ofSeconds(2))).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      createInstance(api, "1");
      CallbackTest.await("first attempt failed", () -> server.callbackStats().failedAttempts() == 1);
      server.setCallbackTarget(null, null);
      server.advanceClock(Duration.ofSeconds(2));
      CallbackTest.await("the retry is given up", () -> server.callbackStats().dropped() == 1);
      assertThat(server.callbackStats().pending()).isZero();
      assertThat(received).isEmpty();
    }
  }

  @Test
  void javaRefusesWhatIsNotATarget() {
    try (MockServer server = MockServer.start(TestServers.config().build())) {
      assertThatThrownBy(() -> server.setCallbackTarget(URI.create("ftp://127.0.0.1/x"), null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackUrl");
      assertThatThrownBy(() -> server.setCallbackTarget(URI.create("/relative"), null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> server.setCallbackTarget(receiverUrl(), ""))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackSecret");
      assertThat(server.callbackUrl()).isNull();
    }
  }

  @Test
  void theControlApiChangesTheTargetAndNeverShowsTheSecret() throws Exception {
    try (MockServer server = MockServer.start(TestServers.config().build())) {
      MockControlClient control = MockControlClient.of(server.baseUrl());
      String url = receiverUrl().toString();
      assertThat(control.setCallbackTarget(new CallbackTarget().url(url).secret("control-secret")).getUrl())
          .isEqualTo(url);
      assertThat(control.info().getCallbackUrl()).isEqualTo(url);
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("cb"));
      createInstance(api, "1");
      assertThat(signedWith("control-secret", next())).isTrue();

      // Secret absent: kept.
      control.setCallbackTarget(new CallbackTarget().url(url));
      createInstance(api, "2");
      assertThat(signedWith("control-secret", next())).isTrue();

      MockControlException bad = catchThrowableOfType(MockControlException.class,
          () -> control.setCallbackTarget(new CallbackTarget().url("not a url").secret("control-secret")));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.getMessage()).contains("url").doesNotContain("control-secret");
      MockControlException empty = catchThrowableOfType(MockControlException.class,
          () -> control.setCallbackTarget(new CallbackTarget().url(url).secret("")));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(control.info().getCallbackUrl()).isEqualTo(url);

      assertThat(control.setCallbackTarget(new CallbackTarget().url(null)).getUrl()).isNull();
      assertThat(control.info().getCallbackUrl()).isNull();
    }
  }
}
