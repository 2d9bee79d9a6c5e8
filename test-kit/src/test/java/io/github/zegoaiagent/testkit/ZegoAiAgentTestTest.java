package io.github.zegoaiagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One annotation gives the client, the mock, its control client and the callback sink; the client
 * signs with the mock's clock (fixed, then advanced, in Java and over HTTP); {@code @BeforeAll}
 * and {@code @Nested} classes get the same objects.
 */
@ZegoAiAgentTest
class ZegoAiAgentTestTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static ZegoAiAgentClient fromBeforeAll;
  static ZegoMock mockFromBeforeAll;

  @BeforeAll
  static void usersOwnBeforeAll(ZegoAiAgentClient client, ZegoMock mock) {
    fromBeforeAll = client;
    mockFromBeforeAll = mock;
  }

  static RegisterAgentRequest agent(String id) {
    return new RegisterAgentRequest().agentId(id).name("Agent " + id)
        .llm(new io.github.zegoaiagent.client.model.LLM().url("https://api.openai.com/v1/chat/completions")
            .apiKey("sk-test").model("gpt-4o-mini"))
        .tts(new io.github.zegoaiagent.client.model.TTS().vendor(io.github.zegoaiagent.client.model.TTS.VendorEnum.MINI_MAX)
            .params(new io.github.zegoaiagent.client.model.TTSParams().app(java.util.Map.of("api_key", "k"))));
  }

  @Test
  void theClientsClockFollowsTheMocksFixedClockAndEveryAdvance(ZegoAiAgentClient client, ZegoMock mock,
      MockControlClient control) {
    assertThat(client).isSameAs(fromBeforeAll);
    long start = mock.clock().millis();
    assertThat(start).isGreaterThanOrEqualTo(START.toEpochMilli());
    assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();

    // Far past the 600 s Timestamp window of the start: a client on a copy of the start instant
    // (or on the system clock) gets 100000004 now; this one signs with the moved clock.
    mock.advanceClock(Duration.ofHours(3));
    client.agents().registerAgent(agent("after-java-advance"));
    control.advanceClock(new ClockAdvance().millis(Duration.ofDays(2).toMillis()));
    client.agents().registerAgent(agent("after-http-advance"));
    assertThat(mock.server().agents()).hasSize(2);
    assertThat(mock.clock().millis()).isEqualTo(start + Duration.ofHours(3).plusDays(2).toMillis());
  }

  @Test
  void aClientOnAnotherClockIsRefusedSoTheTestAboveCanFail(ZegoMock mock) {
    mock.advanceClock(Duration.ofHours(1));
    try (ZegoAiAgentClient frozen = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).clock(Clock.fixed(START, java.time.ZoneOffset.UTC)).build();
         ZegoAiAgentClient system = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).build()) {
      for (ZegoAiAgentClient other : new ZegoAiAgentClient[] {frozen, system}) {
        ZegoApiException e = catchThrowableOfType(ZegoApiException.class,
            () -> other.agents().listAgents(new ListAgentsRequest()));
        assertThat(e.code()).isEqualTo(100000004);
      }
    }
  }

  @Test
  void theAsyncViewAndTheOtherPartsAreInjectedToo(ZegoAiAgentAsyncClient async, ZegoAiAgentClient client,
      MockServer server, CallbackSink sink, MockControlClient control, ZegoMock mock) throws Exception {
    assertThat(async.agents().listAgents(new ListAgentsRequest()).get().getCode()).isZero();
    assertThat(server).isSameAs(mock.server());
    assertThat(sink).isSameAs(mock.callbacks());
    assertThat(control).isSameAs(mock.control());
    assertThat(client.toString()).doesNotContain(mock.serverSecret());
  }

  @Test
  void eachTestStartsFromAResetMock(ZegoAiAgentClient client, ZegoMock mock) {
    assertThat(mock.server().agents()).isEmpty();
    client.agents().registerAgent(agent("left-behind"));
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheClientAndTheMock(ZegoAiAgentClient client, ZegoMock mock) {
      assertThat(client).isSameAs(fromBeforeAll);
      assertThat(mock).isSameAs(mockFromBeforeAll);
      assertThat(mock.server().agents()).isEmpty();
      mock.advanceClock(Duration.ofHours(5));
      client.agents().registerAgent(agent("nested"));
      assertThat(mock.server().agents()).hasSize(1);
    }

    @Nested
    class Deeper {
      @Test
      void stillTheSameClient(ZegoAiAgentClient client) {
        assertThat(client).isSameAs(fromBeforeAll);
        assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();
      }
    }
  }
}
