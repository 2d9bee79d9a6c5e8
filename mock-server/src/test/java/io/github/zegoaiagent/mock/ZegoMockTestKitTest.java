package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The test kit without boilerplate: {@code @ZegoMockTest} injects a runtime into the user's own
 * {@code @BeforeAll}, tests and {@code @Nested} classes (one server for all, reset before each
 * test); its clock follows the mock's fixed clock; callbacks arrive verified in the sink.
 */
@ZegoMockTest
class ZegoMockTestKitTest {
  static ZegoMock fromBeforeAll;

  @BeforeAll
  static void usersOwnBeforeAll(ZegoMock mock) {
    fromBeforeAll = mock;
    assertThat(mock.baseUrl().toString()).startsWith("http://127.0.0.1:");
  }

  static RawApi api(ZegoMock mock) {
    // Signs like a client built with .clock(mock.clock()).
    return new RawApi(mock.baseUrl(), mock.appId(), mock.serverSecret(), () -> mock.clock().millis());
  }

  @Test
  void theClockForTheClientFollowsTheMocksFixedClock(ZegoMock mock) {
    assertThat(mock).isSameAs(fromBeforeAll);
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    mock.advanceClock(Duration.ofHours(2));
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
    // Signed with that clock, the call passes the Timestamp check (the system clock would get 100000004).
    assertThat(api(mock).call("ListAgents", "{}").path("Code").asInt()).isZero();
    RawApi wallClock = new RawApi(mock.baseUrl(), mock.appId(), mock.serverSecret(), System::currentTimeMillis).uncheckedCodes();
    assertThat(wallClock.call("ListAgents", "{}").path("Code").asInt()).isEqualTo(100000004);
  }

  @Test
  void callbacksArriveVerifiedInTheSink(ZegoMock mock, CallbackSink sink) {
    RawApi api = api(mock);
    api.ok("RegisterAgent", Bodies.agent("kit"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("kit", "1")).path("AgentInstanceId").asText();
    JsonNode created = sink.await("AgentInstanceCreated", Duration.ofSeconds(20));
    assertThat(created.path("AgentInstanceId").asText()).isEqualTo(id);
    assertThat(created.path("Signature").asText()).hasSize(40);
    assertThat(sink.rejected()).isZero();
    assertThat(sink.toString()).doesNotContain(mock.serverSecret());
  }

  @Test
  void theControlClientSteersTheSameMock(ZegoMock mock, MockControlClient control) {
    assertThat(control).isSameAs(mock.control());
    assertThat(control.baseUrl()).isEqualTo(mock.baseUrl());
    api(mock).ok("RegisterAgent", Bodies.agent("via-http"));
    assertThat(control.agents()).extracting(a -> a.getAgentId()).containsExactly("via-http");
    long before = mock.clock().millis();
    control.advanceClock(new ClockAdvance().millis(90_000L));
    assertThat(mock.clock().millis()).isEqualTo(before + 90_000L);
  }

  @Test
  void eachTestStartsFromAResetMock(ZegoMock mock) {
    assertThat(mock.server().agents()).isEmpty();
    assertThat(mock.callbacks().events()).isEmpty();
    // Whatever another test advanced, each test starts at the declared instant.
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    api(mock).ok("RegisterAgent", Bodies.agent("left-behind"));
    mock.advanceClock(Duration.ofDays(3));
  }

  @Test
  void resetMovesTheClockBackToItsStart(ZegoMock mock) {
    mock.advanceClock(Duration.ofHours(5));
    api(mock).ok("RegisterAgent", Bodies.agent("gone"));
    mock.reset();
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(mock.server().agents()).isEmpty();
  }

  @Nested
  class Nested1 {
    @BeforeEach
    void before(ZegoMock mock) {
      assertThat(mock).as("nested classes share the outer runtime").isSameAs(fromBeforeAll);
    }

    @Test
    void sameServerAndStillReset(ZegoMock mock, MockServer server) {
      assertThat(server).isSameAs(fromBeforeAll.server());
      assertThat(server.agents()).isEmpty();
      api(mock).ok("RegisterAgent", Bodies.agent("nested"));
      assertThat(server.agents()).hasSize(1);
    }
  }
}
