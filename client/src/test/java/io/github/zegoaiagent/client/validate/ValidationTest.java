package io.github.zegoaiagent.client.validate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.Message;
import io.github.zegoaiagent.client.model.MessageHistory;
import io.github.zegoaiagent.client.model.Priority;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests that break the contract fail locally, naming field, size or value and limit; nothing is sent. */
class ValidationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ZegoAiAgentClient client;

  @BeforeEach
  void setUp() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody(SpecExamples.successResponse("SendAgentInstanceTTS").toString())));
    client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static CreateAgentInstanceRequest create() {
    return new CreateAgentInstanceRequest().agentId("xiaozhi").userId("user_1")
        .rtc(new RTC().roomId("room_1").agentStreamId("as_1").agentUserId("au_1").userStreamId("us_1"));
  }

  /** Runs a call that must fail locally, and checks that it sent nothing. */
  private ZegoValidationException refused(Runnable call) {
    int before = wm.findAll(anyRequestedFor(anyUrl())).size();
    ZegoValidationException e = catchThrowableOfType(ZegoValidationException.class, call::run);
    assertThat(e).as("expected a local validation failure").isNotNull();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent").hasSize(before);
    return e;
  }

  @Test
  void textOf301CharactersIsRefused() {
    ZegoValidationException e = refused(() -> client.control().sendAgentInstanceTTS(
        new SendAgentInstanceTTSRequest().agentInstanceId("1").text("a".repeat(301))));
    assertThat(e.violations()).containsExactly(new Violation("Text", "length 301 exceeds maxLength 300"));
    assertThat(e.action()).isEqualTo("SendAgentInstanceTTS");
    assertThat(e.getMessage()).contains("SendAgentInstanceTTS", "Text: length 301 exceeds maxLength 300");
  }

  @Test
  void textCountsCharactersNotBytesOrUtf16Units() {
    client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId("1").text("你".repeat(300)));
    client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId("1").text("😀".repeat(300)));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/")));
    ZegoValidationException e = refused(() -> client.control().sendAgentInstanceTTS(
        new SendAgentInstanceTTSRequest().agentInstanceId("1").text("😀".repeat(301))));
    assertThat(e.violations()).containsExactly(new Violation("Text", "length 301 exceeds maxLength 300"));
  }

  @Test
  void userIdOf33CharactersIsRefusedWithItsJsonPath() {
    ZegoValidationException e = refused(() -> client.instances().createAgentInstance(create().userId("u".repeat(33))));
    assertThat(e.violations()).containsExactly(new Violation("UserId", "length 33 exceeds maxLength 32"));
  }

  @Test
  void nestedFieldsUseTheWirePath() {
    CreateAgentInstanceRequest r = create();
    r.getRtc().agentUserId("a".repeat(33)).roomId("room with spaces");
    ZegoValidationException e = refused(() -> client.instances().createAgentInstance(r));
    assertThat(e.violations()).containsExactly(
        new Violation("RTC.AgentUserId", "length 33 exceeds maxLength 32"),
        new Violation("RTC.RoomId", "value \"room with spaces\" does not match pattern ^[0-9A-Za-z_.-]+$"));
  }

  @Test
  void history101MessagesIsRefused() {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      messages.add(new Message().role(Message.RoleEnum.USER).content("m" + i));
    }
    ZegoValidationException e = refused(() -> client.instances().createAgentInstance(
        create().messageHistory(new MessageHistory().messages(messages))));
    assertThat(e.violations()).containsExactly(new Violation("MessageHistory.Messages", "101 items exceed maxItems 100"));
  }

  @Test
  void listElementsAreIndexed() {
    ZegoValidationException e = refused(() -> client.agents().queryAgents(
        new QueryAgentsRequest().agentIds(List.of("ok", "ok2", "bad id"))));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("AgentIds[2]");
    List<Message> messages = List.of(new Message().role(Message.RoleEnum.USER).content("x"), new Message().content("y"));
    ZegoValidationException missingRole = refused(() -> client.instances().createAgentInstance(
        create().messageHistory(new MessageHistory().messages(messages))));
    assertThat(missingRole.violations()).containsExactly(new Violation("MessageHistory.Messages[1].Role", "required field missing"));
  }

  @Test
  void rangesAndRequiredFieldsAreChecked() {
    ZegoValidationException e = refused(() -> client.agents().listAgents(new ListAgentsRequest().limit(11)));
    assertThat(e.violations()).containsExactly(new Violation("Limit", "value 11 exceeds maximum 10"));
    ZegoValidationException missing = refused(() -> client.instances().createAgentInstance(
        new CreateAgentInstanceRequest().agentId("xiaozhi")));
    assertThat(missing.violations()).containsExactly(
        new Violation("RTC", "required field missing"), new Violation("UserId", "required field missing"));
    ZegoValidationException window = refused(() -> client.instances().createAgentInstance(
        create().messageHistory(new MessageHistory().windowSize(-1))));
    assertThat(window.violations()).containsExactly(new Violation("MessageHistory.WindowSize", "value -1 is below minimum 0"));
  }

  @Test
  void anEnumValueOutsideTheContractIsRefusedLocallyUnlessSentOnPurpose() throws Exception {
    SendAgentInstanceTTSRequest urgent = JsonCodec.newMapper()
        .readValue("{\"AgentInstanceId\":\"1\",\"Text\":\"x\",\"Priority\":\"Urgent\"}", SendAgentInstanceTTSRequest.class);
    assertThat(urgent.getPriority().value()).isEqualTo("Urgent");
    ZegoValidationException e = refused(() -> client.control().sendAgentInstanceTTS(urgent));
    assertThat(e.violations()).containsExactly(new Violation("Priority",
        "value \"Urgent\" is not listed by the contract [Low, Medium, High]; to send it anyway use Priority.unlisted(\"Urgent\")"));
    wm.verify(0, anyRequestedFor(anyUrl()));

    client.control().sendAgentInstanceTTS(urgent.priority(Priority.unlisted("Urgent")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(
        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.Priority", 
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Urgent"))));
  }

  @Test
  void aMissingBodyIsRefused() {
    ZegoValidationException e = refused(() -> client.control().sendAgentInstanceTTS(null));
    assertThat(e.violations()).containsExactly(new Violation("(body)", "required request body missing"));
  }

  @Test
  void validationCanBeSwitchedOff() {
    try (ZegoAiAgentClient unchecked = TestClients.builder(wm.baseUrl()).localValidation(false).build()) {
      unchecked.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId("1").text("a".repeat(301)));
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
  }
}
