package io.github.zegoaiagent.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.error.ZegoRateLimitException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries only what certainly did nothing, boundedly, each attempt freshly signed. */
class RetryTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestClients.RecordingSleeper sleeper = new TestClients.RecordingSleeper();
  private final SendAgentInstanceTTSRequest tts = new SendAgentInstanceTTSRequest().agentInstanceId("1").text("hi");

  private ZegoAiAgentClient client(RetryPolicy policy) {
    return TestClients.client(wm.baseUrl(), policy, sleeper);
  }

  private static String code(int code) {
    return "{\"Code\":" + code + ",\"Message\":\"m\",\"RequestId\":\"r\"}";
  }

  /** Answers the given bodies in order, then repeats the last. */
  private void answers(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      var stub = post(urlPathEqualTo("/")).inScenario("s").whenScenarioStateIs(i == 0 ? STARTED : "s" + i);
      if (i < bodies.length - 1) {
        stub = stub.willSetStateTo("s" + (i + 1));
      }
      wm.stubFor(stub.willReturn(aResponse().withStatus(200).withBody(bodies[i])));
    }
  }

  @Test
  void retriesARateLimitWithAFreshSignatureAndSucceeds() {
    answers(code(410001029), SpecExamples.successResponse("SendAgentInstanceTTS").toString());
    RoundResponse answer = client(RetryPolicy.defaults()).control().sendAgentInstanceTTS(tts);

    assertThat(answer.getData().getRound()).isEqualTo(3L);
    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/")));
    assertThat(sent).hasSize(2);
    Set<String> nonces = sent.stream().map(r -> r.queryParameter("SignatureNonce").firstValue()).collect(Collectors.toSet());
    Set<String> signatures = sent.stream().map(r -> r.queryParameter("Signature").firstValue()).collect(Collectors.toSet());
    assertThat(nonces).hasSize(2);
    assertThat(signatures).hasSize(2);
    sent.forEach(r -> assertThat(r.queryParameter("Signature").values()).hasSize(1));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void neverRetriesAnExpiredSignature() {
    // A new signature from the same clock expires the same way: the clock must be fixed instead.
    answers(code(100000004));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).build();
    ZegoApiException e = catchThrowableOfType(ZegoApiException.class, () -> client(policy).control().sendAgentInstanceTTS(tts));
    assertThat(e.code()).isEqualTo(100000004);
    assertThat(e.attempts()).isEqualTo(1);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void retriesARateLimitUpToMaxAttemptsAndSaysHowOftenItTried() {
    answers(code(410001029));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).build();
    ZegoRateLimitException e = catchThrowableOfType(ZegoRateLimitException.class,
        () -> client(policy).control().sendAgentInstanceTTS(tts));
    wm.verify(4, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).hasSize(3);
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getMessage()).contains("tried 4 times (the retry policy allows 4 attempts)", "send less often");
  }

  @Test
  void aLongRetrySequenceDoesNotDeepenTheStack() throws Exception {
    // The one attempt loop iterates attempts that completed at once (every sync one) instead of
    // nesting a continuation per attempt: 400 attempts fit in a thread with a small stack.
    answers(code(410001029));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(400).build();
    ZegoAiAgentClient client = client(policy);
    Throwable[] thrown = new Throwable[1];
    Thread small = new Thread(null, () -> {
      try {
        client.control().sendAgentInstanceTTS(tts);
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "small-stack", 256 * 1024);
    small.start();
    small.join(60_000);

    assertThat(thrown[0]).isInstanceOf(ZegoRateLimitException.class);
    assertThat(((ZegoRateLimitException) thrown[0]).attempts()).isEqualTo(400);
    assertThat(sleeper.sleeps).hasSize(399);
  }

  @Test
  void neverRetriesABusinessRefusal() {
    answers(code(410001002));
    assertThat(catchThrowableOfType(ZegoNotFoundException.class, () -> client(RetryPolicy.defaults()).control().sendAgentInstanceTTS(tts)))
        .isNotNull();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void neverRetriesAResetConnection() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class,
        () -> client(RetryPolicy.defaults()).control().sendAgentInstanceTTS(tts));
    assertThat(e.requestSent()).isTrue();
    assertThat(e.action()).isEqualTo("SendAgentInstanceTTS");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void neverRetriesATimeout() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
        .withBody(code(0))));
    ZegoAiAgentClient slow = TestClients.builder(wm.baseUrl()).readTimeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.defaults()).sleeper(sleeper).build();
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class, () -> slow.control().sendAgentInstanceTTS(tts));
    assertThat(e.requestSent()).isTrue();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void neverRetriesAnHttpError() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(503)));
    catchThrowableOfType(ZegoTransportException.class, () -> client(RetryPolicy.defaults()).control().sendAgentInstanceTTS(tts));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void retriesARefusedConnectionBoundedly() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ZegoAiAgentClient refused = TestClients.client("http://127.0.0.1:" + closedPort, RetryPolicy.defaults(), sleeper);
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class, () -> refused.control().sendAgentInstanceTTS(tts));
    assertThat(e.requestSent()).isFalse();
    assertThat(e.getMessage()).contains("could not connect");
    assertThat(sleeper.sleeps).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
  }

  @Test
  void noneMeansOneAttempt() {
    answers(code(410001029));
    assertThat(catchThrowableOfType(ZegoRateLimitException.class, () -> client(RetryPolicy.none()).control().sendAgentInstanceTTS(tts)))
        .isNotNull();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void backoffGrowsExponentiallyWithinJitterAndCap() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350))
        .jitter(0.5).build();
    for (int i = 0; i < 50; i++) {
      assertThat(p.backoff(1).toMillis()).isBetween(50L, 100L);
      assertThat(p.backoff(2).toMillis()).isBetween(100L, 200L);
      assertThat(p.backoff(3).toMillis()).isBetween(175L, 350L);
      assertThat(p.backoff(30).toMillis()).isBetween(175L, 350L);
    }
    RetryPolicy exact = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).jitter(0).build();
    assertThat(exact.backoff(3)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void refusesNonsenseSettings() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0)))
        .hasMessageContaining("maxAttempts");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5)))
        .hasMessageContaining("jitter");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build()))
        .hasMessageContaining("below initialBackoff");
  }
}
