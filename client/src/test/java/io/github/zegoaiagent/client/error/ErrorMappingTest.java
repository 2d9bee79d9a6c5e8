package io.github.zegoaiagent.client.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.generated.ReturnCode;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented non-zero Code becomes the exception of its category, carrying Code, Message, RequestId and Action. */
class ErrorMappingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The exception type each contract category must map to. */
  private static final Map<String, Class<? extends ZegoApiException>> EXPECTED = Map.ofEntries(
      Map.entry("authentication", ZegoAuthenticationException.class),
      Map.entry("invalid-parameter", ZegoInvalidParameterException.class),
      Map.entry("invalid-request", ZegoInvalidParameterException.class),
      Map.entry("not-found", ZegoNotFoundException.class),
      Map.entry("already-exists", ZegoAlreadyExistsException.class),
      Map.entry("agent-listening", ZegoAgentListeningException.class),
      Map.entry("state-conflict", ZegoStateConflictException.class),
      Map.entry("rate-limit", ZegoRateLimitException.class),
      Map.entry("concurrency-limit", ZegoConcurrencyLimitException.class),
      Map.entry("account", ZegoAccountException.class),
      Map.entry("service-error", ZegoServiceException.class));

  private ZegoAiAgentClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static Stream<ReturnCode> errorCodes() {
    return Arrays.stream(ReturnCode.values()).filter(rc -> rc.code() != 0);
  }

  @Test
  void everyCategoryOfTheContractHasASpecificException() {
    assertThat(Arrays.stream(ReturnCode.values()).filter(rc -> rc.code() != 0).map(ReturnCode::category).distinct())
        .allSatisfy(category -> assertThat(EXPECTED).containsKey(category));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCodes")
  void mapsEveryDocumentedCode(ReturnCode rc) {
    answer("{\"Code\":" + rc.code() + ",\"Message\":\"refused for a reason\",\"RequestId\":\"77\"}");

    ZegoApiException e = catchThrowableOfType(ZegoApiException.class, this::callStatus);

    assertThat(e).isExactlyInstanceOf(EXPECTED.get(rc.category()));
    assertThat(e.code()).isEqualTo(rc.code());
    assertThat(e.returnCode()).isEqualTo(rc);
    assertThat(e.serviceMessage()).isEqualTo("refused for a reason");
    assertThat(e.requestId()).isEqualTo("77");
    assertThat(e.action()).isEqualTo("QueryAgentInstanceStatus");
    assertThat(e.getMessage()).contains("QueryAgentInstanceStatus", Integer.toString(rc.code()), rc.name(), "77");
  }

  @Test
  void listeningIsAStateConflictAndRateLimitIsALimit() {
    assertThat(new ZegoAgentListeningException("A", 410001013, "m", "r")).isInstanceOf(ZegoStateConflictException.class);
    assertThat(new ZegoRateLimitException("A", 410001029, "m", "r")).isInstanceOf(ZegoLimitException.class);
    assertThat(new ZegoConcurrencyLimitException("A", 410000011, "m", "r")).isInstanceOf(ZegoLimitException.class);
  }

  @Test
  void anUndocumentedCodeIsTheBaseType() {
    answer("{\"Code\":499999999,\"Message\":\"new\",\"RequestId\":\"1\"}");
    ZegoApiException e = catchThrowableOfType(ZegoApiException.class, this::callStatus);
    assertThat(e).isExactlyInstanceOf(ZegoApiException.class);
    assertThat(e.returnCode()).isNull();
    assertThat(e.getMessage()).contains("undocumented");
  }

  @Test
  void aNon200StatusIsATransportFailure() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class, this::callStatus);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.requestSent()).isTrue();
    assertThat(e.action()).isEqualTo("QueryAgentInstanceStatus");
    assertThat(e.getMessage()).contains("HTTP 502", "bad gateway");
  }

  @Test
  void aBodyThatIsNotTheEnvelopeIsATransportFailure() {
    answer("<html>maintenance</html>");
    assertThat(catchThrowableOfType(ZegoTransportException.class, this::callStatus).getMessage())
        .contains("not the ZEGO AI Agent API: HTTP 200", "check the endpoint", "<html>maintenance</html>");
    answer("{\"Message\":\"no code\"}");
    assertThat(catchThrowableOfType(ZegoTransportException.class, this::callStatus).getMessage())
        .contains("not the ZEGO AI Agent API: HTTP 200", "without a Code");
  }

  private void answer(String body) {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(body)));
  }

  private void callStatus() {
    client.control().queryAgentInstanceStatus(new AgentInstanceIdRequest().agentInstanceId("1907755175297171456"));
  }
}
