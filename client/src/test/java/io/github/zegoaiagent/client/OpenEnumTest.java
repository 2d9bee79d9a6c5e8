package io.github.zegoaiagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.callback.CallbackParser;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.AgentInstanceStatusEvent;
import io.github.zegoaiagent.client.model.AgentStatus;
import io.github.zegoaiagent.client.model.InterruptedEventData;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Open enums (ADR 0004): answers and callbacks keep unlisted values; legacy values can be sent. */
@SuppressWarnings("deprecation") // legacy values and deprecated properties are what these tests are about
class OpenEnumTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void anAnswerWithUnlistedVendorsDecodesAndKeepsTheRawValues() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
        "{\"Code\":0,\"Message\":\"Success\",\"RequestId\":\"1\",\"Data\":{\"Agents\":[{\"AgentId\":\"a\","
            + "\"LLM\":{\"Vendor\":\"SomeNewLLMVendor\",\"Url\":\"u\",\"ApiKey\":\"k\",\"Model\":\"m\"},"
            + "\"TTS\":{\"Vendor\":\"ByteDance\",\"Params\":{\"app\":{\"cluster\":\"volcano_tts\"}}},"
            + "\"ASR\":{\"Vendor\":\"TomorrowASR\",\"VADSensitiveLevel\":7}}]}}")));
    try (ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper())) {
      AgentInfo agent = client.agents().queryAgents(new QueryAgentsRequest().agentIds(List.of("a")))
          .getData().getAgents().get(0);
      assertThat(agent.getLlm().getVendor().value()).isEqualTo("SomeNewLLMVendor");
      assertThat(agent.getLlm().getVendor().isKnown()).isFalse();
      assertThat(agent.getTts().getVendor()).isSameAs(TTS.VendorEnum.BYTE_DANCE);
      assertThat(agent.getTts().getVendor().isKnown()).isTrue();
      assertThat(agent.getTts().getVendor().isLegacy()).isTrue();
      assertThat(agent.getAsr().getVendor().value()).isEqualTo("TomorrowASR");
      assertThat(agent.getAsr().getVadSensitiveLevel().value()).isEqualTo(7);
      assertThat(agent.getAsr().getVadSensitiveLevel().isKnown()).isFalse();
    }
  }

  @Test
  void theLegacyByteDanceVendorCanBeSent() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody(SpecExamples.successResponse("RegisterAgent").toString())));
    try (ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper())) {
      @SuppressWarnings("deprecation")
      TTS.VendorEnum legacy = TTS.VendorEnum.BYTE_DANCE;
      client.agents().registerAgent(new RegisterAgentRequest().agentId("xiaozhi").tts(new TTS().vendor(legacy)
          .params(new TTSParams().app(Map.of("appid", "zego_test", "token", "zego_test", "cluster", "volcano_tts")))));
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/"))
        .withRequestBody(matchingJsonPath("$.TTS.Vendor", equalTo("ByteDance")))
        .withRequestBody(matchingJsonPath("$.TTS.Params.app.cluster", equalTo("volcano_tts"))));
  }

  @Test
  void callbacksWithUnlistedValuesParseIntoTheirTypedEvent() {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    // The verifier's clock stands at the example's Timestamp, so the tolerance never refuses it.
    CallbackVerifier verifier = CallbackVerifier.builder("secret").clock(java.time.Clock.fixed(
        java.time.Instant.ofEpochMilli(body.get("Timestamp").asLong()), java.time.ZoneOffset.UTC)).build();
    body.put("Event", "AgentInstanceStatus");
    body.putObject("Data").put("Status", "DREAMING").put("Round", 3);
    body.put("Signature", verifier.expectedSignature(body.get("Timestamp").asText(), body.get("Nonce").asText()));
    AgentInstanceStatusEvent event = (AgentInstanceStatusEvent) new CallbackParser(verifier).parse(body.toString());
    assertThat(event.getData().getStatus().value()).isEqualTo("DREAMING");
    assertThat(event.getData().getStatus()).isNotEqualTo(AgentStatus.IDLE);
    assertThat(event.getData().getStatus()).isEqualTo(AgentStatus.fromValue("DREAMING"));
  }

  @Test
  void listedValuesAreSingletonsAndCompareByWireValue() {
    assertThat(AgentStatus.fromValue("IDLE")).isSameAs(AgentStatus.IDLE);
    assertThat(AgentStatus.values()).extracting(AgentStatus::value).containsExactly("IDLE", "LISTENING", "THINKING", "SPEAKING");
    assertThat(InterruptedEventData.ReasonEnum.fromValue(9).toString()).isEqualTo("9");
    assertThat(AgentStatus.unlisted("IDLE")).isSameAs(AgentStatus.IDLE);
    assertThat(AgentStatus.unlisted("NEW").isAllowedInRequests()).isTrue();
    assertThat(AgentStatus.fromValue("NEW").isAllowedInRequests()).isFalse();
    assertThat(AgentStatus.fromValue(null)).isNull();
  }

  @Test
  void integerEnumsDecodeFromAnyJsonNumberOrNumericString() throws Exception {
    var mapper = JsonCodec.newMapper();
    var tree = mapper.createObjectNode().put("Reason", 9L); // a LongNode, as trees and converters build them
    assertThat(mapper.treeToValue(tree, InterruptedEventData.class).getReason().value()).isEqualTo(9);
    assertThat(mapper.readValue("{\"Reason\":\"2\"}", InterruptedEventData.class).getReason())
        .isSameAs(InterruptedEventData.ReasonEnum.SEND_LLM);
    assertThat(mapper.readValue("{\"Status\":7}", io.github.zegoaiagent.client.model.AgentInstanceStatusData.class)
        .getStatus().value()).isEqualTo("7");
  }

  /**
   * An open enum tolerates values the contract does not list, not values of another type: a
   * non-integer for an integer enum (Reason "abc") is a type error, reported with the field and the
   * value, like any Data that does not match its type (issue 12, item 2).
   */
  @Test
  void aNonIntegerForAnIntegerEnumIsATypeErrorNamingFieldAndValue() {
    var mapper = JsonCodec.newMapper();
    assertThatThrownBy(() -> mapper.readValue("{\"Reason\":\"abc\"}", InterruptedEventData.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
        .hasMessageContaining("not an integer: \"abc\"")
        .hasMessageContaining("[\"Reason\"]");
  }
}
