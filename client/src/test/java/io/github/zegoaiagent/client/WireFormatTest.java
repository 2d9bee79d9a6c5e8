package io.github.zegoaiagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.sign.RequestSigner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact wire of every action: POST /, Action and the five signed parameters, JSON body with the
 * documented PascalCase names and no nulls, and the answer decoded into the generated type.
 */
class WireFormatTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper mapper = JsonCodec.newMapper();
  private ZegoAiAgentClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static Stream<String> actions() {
    return ActionCatalog.ACTIONS.stream().map(ActionCatalog.Entry::action);
  }

  @Test
  void theCatalogHoldsNineteenDistinctActions() {
    assertThat(actions().distinct().count()).isEqualTo(19);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void sendsTheDocumentedWireAndDecodesTheAnswer(String action) throws Exception {
    ActionCatalog.Entry entry = ActionCatalog.ACTIONS.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    JsonNode requestExample = SpecExamples.request(action);
    JsonNode responseExample = SpecExamples.successResponse(action);
    wm.stubFor(post(urlPathEqualTo("/")).withQueryParam("Action", equalTo(action))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(responseExample.toString())));

    Object request = mapper.treeToValue(requestExample, entry.requestType());
    Object answer = client.call(action, request);

    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/")));
    assertThat(sent).hasSize(1);
    LoggedRequest r = sent.get(0);
    assertThat(r.getUrl()).startsWith("/?");
    assertThat(r.queryParameter("Action").values()).containsExactly(action);
    assertThat(r.queryParameter("AppId").values()).containsExactly(Long.toString(TestClients.APP_ID));
    assertThat(r.queryParameter("SignatureVersion").values()).containsExactly("2.0");
    assertThat(r.queryParameter("Timestamp").values()).containsExactly(Long.toString(TestClients.NOW.getEpochSecond()));
    String nonce = r.queryParameter("SignatureNonce").firstValue();
    assertThat(r.queryParameter("SignatureNonce").values()).hasSize(1);
    assertThat(nonce).matches("[0-9a-f]{16}");
    assertThat(r.queryParameter("Signature").values())
        .containsExactly(RequestSigner.signature(TestClients.APP_ID, nonce, TestClients.SECRET, TestClients.NOW.getEpochSecond()));
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    // Exactly the documented fields: no extra nulls, PascalCase names as in the contract example.
    wm.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(equalToJson(requestExample.toString(), false, false)));
    assertThat(r.getBodyAsString()).doesNotContain("null");

    assertThat(answer).isInstanceOf(entry.responseType());
    JsonNode decoded = mapper.readTree(mapper.writeValueAsString(answer)); // re-read: int64 fields become LongNode in trees
    assertThat(decoded).isEqualTo(responseExample);
  }

  @Test
  void omitsUnsetFieldsInsteadOfSendingNullsOrDefaults() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody(SpecExamples.successResponse("SendAgentInstanceTTS").toString())));
    client.control().sendAgentInstanceTTS(new io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest()
        .agentInstanceId("1907755175297171456").text("Hello"));
    wm.verify(postRequestedFor(urlPathEqualTo("/"))
        .withRequestBody(equalToJson("{\"AgentInstanceId\":\"1907755175297171456\",\"Text\":\"Hello\"}", false, false)));
  }

  @Test
  void signsAgainOnEveryCall() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody(SpecExamples.successResponse("QueryAgentInstanceStatus").toString())));
    var req = new io.github.zegoaiagent.client.model.AgentInstanceIdRequest().agentInstanceId("1");
    client.control().queryAgentInstanceStatus(req);
    client.control().queryAgentInstanceStatus(req);
    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))
        .withQueryParam("SignatureNonce", matching("[0-9a-f]{16}")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).queryParameter("SignatureNonce").firstValue())
        .isNotEqualTo(sent.get(1).queryParameter("SignatureNonce").firstValue());
  }
}
