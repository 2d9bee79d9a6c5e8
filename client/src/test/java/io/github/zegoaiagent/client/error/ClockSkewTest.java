package io.github.zegoaiagent.client.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clock skew (100000004) is not retried (a new signature from the same clock expires the same
 * way) and the message says which Timestamp was signed, how far it is from the service's clock
 * when the answer tells it, and what to check: this machine's clock, or a mock whose clock is
 * fixed or advanced.
 */
class ClockSkewTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aClientOnTheSystemClockAgainstAMockWithAFixedClockIsToldWhatToCheckAfterOneAttempt() {
    try (MockServer mock = MockServer.start(MockServerConfig.builder()
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"))).build());
        ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
            .endpoint(mock.baseUrl()).retryPolicy(RetryPolicy.builder().maxAttempts(5).build()).build()) {

      ZegoAuthenticationException e = catchThrowableOfType(ZegoAuthenticationException.class,
          () -> client.agents().listAgents(new ListAgentsRequest()));

      assertThat(e.code()).isEqualTo(100000004);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(mock.journal()).hasSize(1);
      assertThat(e.getMessage())
          .contains("(SIGNATURE_EXPIRED)", "away from server time 1767225600") // the mock's own Message
          .contains("not retried", "this client signed with Timestamp ")
          .contains("check this machine's clock (NTP)", "whether the mock's clock is fixed or advanced")
          .doesNotContain(mock.serverSecret());
    }
  }

  @Test
  void theSkewInSecondsWhenTheAnswerCarriesADate() {
    // The test client signs at 2026-11-22T10:00:00Z; the service's Date is two hours later.
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withHeader("Date", "Sun, 22 Nov 2026 12:00:00 GMT")
        .withBody("{\"Code\":100000004,\"Message\":\"signature expired\",\"RequestId\":\"r\"}")));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).build();

    ZegoAuthenticationException e = catchThrowableOfType(ZegoAuthenticationException.class,
        () -> client.agents().listAgents(new ListAgentsRequest()));

    assertThat(e.getMessage()).contains("Timestamp " + TestClients.NOW.getEpochSecond() + " (" + TestClients.NOW + ")",
        "7200 s behind the service's clock (the answer's Date: 2026-11-22T12:00:00Z)");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }
}
