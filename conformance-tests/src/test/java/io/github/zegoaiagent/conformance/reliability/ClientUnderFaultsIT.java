package io.github.zegoaiagent.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoRateLimitException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client against the real mock's fault injection: a CreateAgentInstance whose answer
 * came too late was applied once and sent once; retryable codes are retried boundedly with a
 * fresh signature; every exception names the Action and the mock's RequestId.
 */
class ClientUnderFaultsIT {
  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
    client(RetryPolicy.none(), Duration.ofSeconds(30)).agents().registerAgent(new RegisterAgentRequest()
        .agentId("faults").name("Faults")
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-x").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.BYTE_DANCE_V3).params(new TTSParams().app(Map.of("appid", "a")))));
  }

  /** @param deadline the deadline of each attempt (connect, send and the whole answer) */
  private static ZegoAiAgentClient client(RetryPolicy policy, Duration deadline) {
    return ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).timeout(deadline).retryPolicy(policy)
        .sleeper(d -> { }) // backoff is RetryTest's concern; here only the count matters
        .build();
  }

  private static CreateAgentInstanceRequest create() {
    return new CreateAgentInstanceRequest().agentId("faults").userId("u1")
        .rtc(new RTC().roomId("r1").agentStreamId("as1").agentUserId("au1").userStreamId("us1"));
  }

  private static List<JournalEntry> creates() {
    return mock.journal().stream().filter(e -> "CreateAgentInstance".equals(e.getAction())).collect(Collectors.toList());
  }

  @Test
  void aCreateWhoseAnswerCameTooLateIsAppliedOnceAndSentOnce() throws InterruptedException {
    mock.addFault(new Fault().action("CreateAgentInstance").delayMillis(2_000L));
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class,
        () -> client(RetryPolicy.builder().maxAttempts(5).build(), Duration.ofMillis(300)).instances().createAgentInstance(create()));
    assertThat(e.action()).isEqualTo("CreateAgentInstance");
    assertThat(e.requestSent()).isTrue();
    // The mock finishes the delayed request after the client gave up; wait for it (hang detector only).
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (creates().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // room for a (wrong) second attempt to show up in the journal
    assertThat(creates()).as("sent exactly once").hasSize(1);
    assertThat(mock.instances()).as("applied exactly once").hasSize(1);
  }

  @Test
  void aPassingRateLimitIsRetriedWithFreshSignaturesAndCreatesOneInstance() {
    mock.addFault(new Fault().action("CreateAgentInstance").count(2).code(410001029));
    String id = client(RetryPolicy.builder().maxAttempts(3).build(), Duration.ofSeconds(30))
        .instances().createAgentInstance(create()).getData().getAgentInstanceId();
    assertThat(creates()).extracting(JournalEntry::getCode).containsExactly(410001029, 410001029, 0);
    assertThat(creates().stream().map(JournalEntry::getQuery).distinct()).as("fresh nonce each time").hasSize(3);
    assertThat(mock.instances()).singleElement().satisfies(i -> assertThat(i.getAgentInstanceId()).isEqualTo(id));
  }

  @Test
  void aPersistentRateLimitStopsAtMaxAttemptsWithActionAndRequestId() {
    mock.addFault(new Fault().action("CreateAgentInstance").count(10).code(410001029));
    ZegoRateLimitException e = catchThrowableOfType(ZegoRateLimitException.class,
        () -> client(RetryPolicy.builder().maxAttempts(4).build(), Duration.ofSeconds(30)).instances().createAgentInstance(create()));
    assertThat(creates()).hasSize(4);
    assertThat(e.action()).isEqualTo("CreateAgentInstance");
    assertThat(e.requestId()).isEqualTo(creates().get(3).getRequestId());
    assertThat(e.getMessage()).contains(e.requestId());
    assertThat(mock.instances()).isEmpty();
  }

  @Test
  void aGatewayInternalErrorIsRetriedButABusinessFailureIsNot() {
    mock.addFault(new Fault().action("CreateAgentInstance").count(1).code(100000015));
    client(RetryPolicy.defaults(), Duration.ofSeconds(30)).instances().createAgentInstance(create());
    assertThat(creates()).extracting(JournalEntry::getCode).containsExactly(100000015, 0);

    mock.reset();
    mock.addFault(new Fault().action("ListAgents").count(5).code(410000001));
    ZegoApiException e = catchThrowableOfType(ZegoApiException.class, () -> client(RetryPolicy.defaults(), Duration.ofSeconds(30))
        .agents().listAgents(new io.github.zegoaiagent.client.model.ListAgentsRequest()));
    assertThat(e.code()).isEqualTo(410000001);
    assertThat(e.action()).isEqualTo("ListAgents");
    assertThat(mock.journal()).singleElement().satisfies(j -> assertThat(j.getRequestId()).isEqualTo(e.requestId()));
  }
}
