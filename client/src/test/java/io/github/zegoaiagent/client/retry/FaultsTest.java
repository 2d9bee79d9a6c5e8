package io.github.zegoaiagent.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoRateLimitException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CreateAgentInstance (billable, not idempotent) whose answer is lost, cut short, garbled or
 * late is sent exactly once and fails with a ZegoTransportException naming the action; codes
 * marked retryable are retried boundedly and the final exception carries Action and RequestId.
 */
class FaultsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestClients.RecordingSleeper sleeper = new TestClients.RecordingSleeper();

  private static CreateAgentInstanceRequest create() {
    try {
      return new ObjectMapper().treeToValue(SpecExamples.request("CreateAgentInstance"), CreateAgentInstanceRequest.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> lostAnswers() {
    Map<String, Supplier<ResponseDefinitionBuilder>> faults = Map.of(
        "connection reset after the request", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        "empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
        "garbage then close", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
        "malformed chunk", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        "truncated JSON", () -> aResponse().withStatus(200).withBody("{\"Code\":0,\"Message\":\"succ"),
        "slow answer past the deadline", () -> aResponse().withStatus(200).withFixedDelay(2_000)
            .withBody(SpecExamples.successResponse("CreateAgentInstance").toString()),
        "answer dribbled past the deadline", () -> aResponse().withStatus(200)
            .withBody(SpecExamples.successResponse("CreateAgentInstance").toString()).withChunkedDribbleDelay(5, 3_000));
    return faults.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lostAnswers")
  void aPossiblyAppliedCreateIsSentExactlyOnce(String name, Supplier<ResponseDefinitionBuilder> fault) {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(fault.get()));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).timeout(Duration.ofMillis(500))
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).build()).sleeper(sleeper).build();

    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class,
        () -> client.instances().createAgentInstance(create()));

    assertThat(e).as(name).isNotNull();
    assertThat(e.action()).isEqualTo("CreateAgentInstance");
    assertThat(e.getMessage()).contains("CreateAgentInstance");
    assertThat(e.requestSent()).as("the service may have acted on it").isTrue();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).as("no retry was even planned").isEmpty();
  }

  @Test
  void aRateLimitThatPersistsIsRetriedBoundedlyAndNamesActionAndRequestId() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":410001029,\"Message\":\"rate limited\",\"RequestId\":\"req-429\"}")));
    ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.builder().maxAttempts(3).build(), sleeper);

    ZegoRateLimitException e = catchThrowableOfType(ZegoRateLimitException.class,
        () -> client.instances().createAgentInstance(create()));

    assertThat(e.action()).isEqualTo("CreateAgentInstance");
    assertThat(e.requestId()).isEqualTo("req-429");
    assertThat(e.code()).isEqualTo(410001029);
    assertThat(e.getMessage()).contains("CreateAgentInstance").contains("req-429");
    wm.verify(3, postRequestedFor(urlPathEqualTo("/")));
    assertThat(sleeper.sleeps).hasSize(2);
  }

  @Test
  void aServiceErrorIsNotRetriedAndNamesActionAndRequestId() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":410000001,\"Message\":\"system error\",\"RequestId\":\"req-500\"}")));
    ZegoApiException e = catchThrowableOfType(ZegoApiException.class, () -> TestClients
        .client(wm.baseUrl(), RetryPolicy.defaults(), sleeper).instances().createAgentInstance(create()));
    assertThat(e.action()).isEqualTo("CreateAgentInstance");
    assertThat(e.requestId()).isEqualTo("req-500");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }
}
