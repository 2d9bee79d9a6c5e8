package io.github.zegoaiagent.client.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.RecordingLogger;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text from the wire stays in its place: the service's Message, a RequestId, an agent's name or an
 * unlisted vendor reach exception messages, log lines and {@code toString()} escaped (no CR, LF or
 * ESC of their own) and clipped to {@link WireText#MAX_CHARS}; the full value stays available.
 */
class HostileTextTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** 4,000,000 characters that try to forge a log line and colour the terminal. */
  static final String HOSTILE = "gone\r\n2026-01-01 INFO forged line \u001b[31mred\u001b[0m " + "x".repeat(4_000_000);

  static void assertSafe(String text) {
    assertThat(text).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u001b");
    assertThat(text.length()).as("clipped").isLessThan(WireText.MAX_CHARS * 2 + 300);
  }

  @Test
  void aFourMegabyteMessageWithControlCharactersIsEscapedAndClippedInTheExceptionAndTheLogLine() {
    ObjectNode answer = JsonNodeFactory.instance.objectNode().put("Code", 410001002).put("Message", HOSTILE)
        .put("RequestId", "r\n\u001b[2J");
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(answer.toString())));
    RecordingLogger log = new RecordingLogger();
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).retryPolicy(RetryPolicy.none()).logger(log).build();

    ZegoNotFoundException e = catchThrowableOfType(ZegoNotFoundException.class,
        () -> client.control().queryAgentInstanceStatus(new AgentInstanceIdRequest().agentInstanceId("1")));

    assertSafe(e.getMessage());
    assertThat(e.getMessage()).contains("gone\\r\\n2026-01-01 INFO forged line \\u001b[31mred", "more chars]",
        "[RequestId r\\n\\u001b[2J]");
    assertThat(e.serviceMessage()).as("the full value stays available").isEqualTo(HOSTILE);
    assertThat(e.requestId()).isEqualTo("r\n\u001b[2J");
    assertThat(log.messages()).hasSize(1);
    assertSafe(log.messages().get(0));
    assertThat(log.messages().get(0)).contains("forged line \\u001b[31m");
  }

  @Test
  void decodedModelsPrintWireTextEscaped() {
    String body = "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"r\",\"Data\":{\"Total\":1,\"Cursor\":\"\","
        + "\"Agents\":[{\"AgentId\":\"a\",\"Name\":\"Jacky\\r\\n\\u001b[31mINFO forged\","
        + "\"LLM\":{\"Url\":\"u\",\"Vendor\":\"NewVendor\\u001b[0m\"}}]}}";
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(body)));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).build();

    ListAgentsResponse answer = client.agents().listAgents(new ListAgentsRequest());
    String printed = answer.toString();

    assertThat(printed).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(printed).contains("Jacky\\r\\n\\u001b[31mINFO forged", "NewVendor\\u001b[0m");
    assertThat(answer.getData().getAgents().get(0).getName()).isEqualTo("Jacky\r\n\u001b[31mINFO forged");
    assertThat(answer.getData().getAgents().get(0).getLlm().getVendor().value()).isEqualTo("NewVendor\u001b[0m");
  }

  @Test
  void aForeignPageIsOneLineNamingTheEndpoint() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(501).withHeader("Content-Type", "text/html")
        .withBody("<html>\n<head><title>501 Not Implemented</title></head>\n" + "<p>filler</p>\n".repeat(100_000) + "</html>")));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).build();

    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class,
        () -> client.agents().listAgents(new ListAgentsRequest()));

    assertThat(e.getMessage()).startsWith("ListAgents: not the ZEGO AI Agent API: HTTP 501 text/html from "
        + wm.baseUrl() + "; check the endpoint (body <html>\\n<head><title>501 Not Implemented</title>");
    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(400).doesNotContain("Signature");
    assertThat(e.reason()).isEqualTo(ZegoTransportException.Reason.HTTP_STATUS);
    assertThat(e.httpStatus()).isEqualTo(501);
  }
}
