package io.github.zegoaiagent.client.listening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoStateConflictException;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListeningTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000L);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  @Test
  void sequencesIncreasePerPairAndIndependently() {
    ManualClock clock = new ManualClock();
    ListeningSequencer s = new ListeningSequencer(clock);
    long a1 = s.next("i1", "u1");
    long a2 = s.next("i1", "u1");
    long b1 = s.next("i1", "u2");
    long c1 = s.next("i2", null);
    assertThat(a2).isGreaterThan(a1);
    assertThat(b1).isEqualTo(clock.millis()); // a new pair starts at the clock, unaffected by others
    assertThat(c1).isEqualTo(clock.millis());
    clock.millis.addAndGet(-500_000); // the wall clock steps back: numbers still increase
    assertThat(s.next("i1", "u1")).isGreaterThan(a2);
  }

  @Test
  void aRestartedCallerStillSendsLargerSequences() {
    ManualClock clock = new ManualClock();
    long beforeRestart = 0;
    ListeningSequencer first = new ListeningSequencer(clock);
    for (int i = 0; i < 100; i++) {
      beforeRestart = first.next("i1", "u1");
    }
    clock.millis.addAndGet(1000); // time passes across the restart
    assertThat(new ListeningSequencer(clock).next("i1", "u1")).isGreaterThan(beforeRestart);
  }

  @Test
  void walkieTalkieAlternatesAndNumbersEachCall() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody(SpecExamples.successResponse("StartListening").toString())));
    ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper());
    WalkieTalkie turns = client.walkieTalkie("1907755175297171456", "user_2");

    turns.start();
    assertThat(turns.isListening()).isTrue();
    assertThat(catchThrowableOfType(IllegalStateException.class, turns::start)).hasMessageContaining("call stop() first");
    turns.stop();
    assertThat(catchThrowableOfType(IllegalStateException.class, turns::stop)).hasMessageContaining("call start() first");
    turns.start();

    wm.verify(2, postRequestedFor(urlPathEqualTo("/")).withQueryParam("Action", equalTo("StartListening")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/")).withQueryParam("Action", equalTo("StopListening")));
    ObjectMapper json = new ObjectMapper();
    List<Long> sequences = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).stream()
        .map(r -> readTree(json, r.getBodyAsString()))
        .peek(body -> assertThat(body.get("UserId").asText()).isEqualTo("user_2"))
        .map(body -> body.get("Sequence").asLong()).toList();
    assertThat(sequences).hasSize(3).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aFailedStartLeavesTheTurnClosed() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":410001042,\"Message\":\"not walkie-talkie\",\"RequestId\":\"1\"}")));
    ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper());
    WalkieTalkie turns = client.walkieTalkie("1", null);
    assertThat(catchThrowableOfType(ZegoStateConflictException.class, turns::start).code()).isEqualTo(410001042);
    assertThat(turns.isListening()).isFalse();
  }

  private static JsonNode readTree(ObjectMapper json, String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
