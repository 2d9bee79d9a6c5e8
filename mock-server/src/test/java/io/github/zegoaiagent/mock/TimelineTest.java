package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.CallbackDelivery;
import io.github.zegoaiagent.mock.control.model.Timeline;
import io.github.zegoaiagent.mock.control.model.TimelineEntry;
import io.github.zegoaiagent.mock.control.model.TimelineSummary;
import io.github.zegoaiagent.mock.script.ConversationScript;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_mock/instances/{id}/timeline} and its neighbours: what happened to an instance,
 * in order on the mock clock, with what became of every callback (delivered, retried, dropped,
 * switched off), also after the instance is gone; secrets masked; reset forgets it.
 */
class TimelineTest {
  static final String API_KEY = "sk-timeline-secret-0042";
  static HttpServer receiver;
  /** Events whose every delivery attempt is refused; others fail their first attempt only when listed. */
  static final Map<String, Boolean> refuse = new ConcurrentHashMap<>();
  static final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
  static MockServer server;
  static RawApi api;
  static MockControlClient control;

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      var event = RawApi.JSON.readTree(body);
      int n = attempts.computeIfAbsent(event.path("Sequence").asLong(), k -> new AtomicInteger()).incrementAndGet();
      Boolean always = refuse.get(event.path("Event").asText());
      boolean no = always != null && (always || n == 1);
      ex.sendResponseHeaders(no ? 503 : 200, -1);
      ex.close();
    });
    receiver.start();
    server = MockServer.start(TestServers.config()
        .callbackUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb"))
        .callbackRetryDelays(List.of(Duration.ofSeconds(1)))
        .speechPerCharacter(Duration.ofMillis(10)).llmThinkTime(Duration.ofMillis(500))
        .build());
    api = new RawApi(server);
    control = MockControlClient.of(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.stop(0);
  }

  @BeforeEach
  void reset() {
    server.reset();
    refuse.clear();
  }

  String instance(String callbackConfig) {
    api.ok("RegisterAgent", "{\"AgentId\":\"t\",\"Name\":\"T\",\"LLM\":{\"Url\":\"https://api.openai.com/v1/chat/completions\","
        + "\"ApiKey\":\"" + API_KEY + "\",\"Model\":\"m\"},\"TTS\":" + Bodies.TTS + "}");
    return api.ok("CreateAgentInstance", Bodies.instance("t", "1", ",\"CallbackConfig\":" + callbackConfig
        + ",\"AdvancedConfig\":{\"MaxIdleTime\":10}")).path("AgentInstanceId").asText();
  }

  /** Waits until no callback of the instance waits for an attempt that is due to end. */
  Timeline settled(String id) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      Timeline t = control.timeline(id);
      long now = server.clock().millis();
      boolean busy = t.getEntries().stream().map(TimelineEntry::getCallback).anyMatch(c -> c != null
          && (c.getState() == CallbackDelivery.StateEnum.QUEUED || c.getState() == CallbackDelivery.StateEnum.RETRYING
              && c.getNextAttemptAtMillis() <= now));
      if (!busy || System.nanoTime() > end) {
        return t;
      }
      Thread.sleep(20);
    }
  }

  static TimelineEntry first(Timeline t, String titleStart) {
    return t.getEntries().stream().filter(e -> e.getTitle().startsWith(titleStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + titleStart + " in " + titles(t)));
  }

  static List<String> titles(Timeline t) {
    return t.getEntries().stream().map(TimelineEntry::getTitle).toList();
  }

  @Test
  void aScriptedCallInOrderOnTheMockClockWithTheCutTextAndEveryCallback() throws Exception {
    String id = instance("{\"ASRResult\":1,\"LLMResult\":1,\"Interrupted\":1,\"UserSpeakAction\":1}");
    server.setLlmReply(io.github.zegoaiagent.mock.values.LlmReply.fixed("One two. Three four five six."));
    refuse.put("Interrupted", true);
    refuse.put("ASRResult", false);
    long t0 = server.clock().millis();
    server.loadScript(id, ConversationScript.builder()
        .speak(Duration.ZERO, "Hi", Duration.ofMillis(300))            // answer speaks 800..1090
        .speak(Duration.ofMillis(1000), "Stop", Duration.ofMillis(200)) // cuts it at 1000
        .leave(Duration.ofMillis(2000))
        .endAt(Duration.ofMillis(12_000)).build());
    server.advanceClock(Duration.ofSeconds(12));
    settled(id);
    server.advanceClock(Duration.ofSeconds(2)); // the retries
    Timeline t = settled(id);

    assertThat(t.getRunning()).isFalse();
    assertThat(t.getInstance()).isNull();
    List<TimelineEntry> e = t.getEntries();
    for (int i = 1; i < e.size(); i++) {
      assertThat(e.get(i).getAtMillis()).as("entry %s", i).isGreaterThanOrEqualTo(e.get(i - 1).getAtMillis());
    }
    assertThat(e.get(0).getKind()).isEqualTo(TimelineEntry.KindEnum.REQUEST);
    assertThat(e.get(0).getAction()).isEqualTo("CreateAgentInstance");
    assertThat(e.get(0).getCodeName()).isEqualTo("SUCCESS");
    assertThat(e.get(1).getTitle()).isEqualTo("Instance created");

    // Each event at its own time: the first sentence when the answer starts (think time 500 ms after the user stopped).
    assertThat(first(t, "LLM sentence: \u201cOne two.\u201d").getAtMillis() - t0).isEqualTo(800);
    TimelineEntry cut = first(t, "Interrupted");
    assertThat(cut.getAtMillis() - t0).isEqualTo(1000);
    assertThat(cut.getPlayedText()).isEqualTo("One two. Three four "); // 200 ms of 10 ms characters
    assertThat(cut.getTitle()).isEqualTo("Interrupted by user speech: cut after \u201cOne two. Three four \u201d");
    assertThat(cut.getCallback().getState()).isEqualTo(CallbackDelivery.StateEnum.DROPPED);
    assertThat(cut.getCallback().getAttempts()).extracting(a -> a.getOutcome()).containsExactly("HTTP 503", "HTTP 503");
    assertThat(cut.getCallback().getNote()).startsWith("dropped after 2 attempts (last: HTTP 503)");

    TimelineEntry asr = first(t, "ASR result: \u201cHi\u201d");
    assertThat(asr.getCallback().getState()).isEqualTo(CallbackDelivery.StateEnum.DELIVERED);
    assertThat(asr.getCallback().getAttempts()).extracting(a -> a.getOk()).containsExactly(false, true);
    assertThat(asr.getCallback().getNote()).isEqualTo("delivered on attempt 2 (HTTP 200)");

    TimelineEntry status = first(t, "Status THINKING");
    assertThat(status.getCallback().getState()).isEqualTo(CallbackDelivery.StateEnum.SWITCHED_OFF);
    assertThat(status.getCallback().getSequence()).isNull();
    assertThat(status.getCallback().getNote()).contains("CallbackConfig.AgentInstanceStatus is off");

    TimelineEntry leave = first(t, "Script: the user leaves the room");
    assertThat(leave.getAtMillis() - t0).isEqualTo(2000);
    TimelineEntry exception = first(t, "Exception 1202");
    assertThat(exception.getAtMillis() - t0).isEqualTo(12_000);
    assertThat(exception.getCodeName()).startsWith("The instance's user was absent");
    TimelineEntry deleted = first(t, "Instance deleted (Code 1202");
    assertThat(deleted.getCode()).isEqualTo(1202L);
    assertThat(deleted.getCallback().getState()).isEqualTo(CallbackDelivery.StateEnum.DELIVERED);

    List<TimelineSummary> all = control.timelines();
    assertThat(all).singleElement().satisfies(s -> {
      assertThat(s.getAgentInstanceId()).isEqualTo(id);
      assertThat(s.getRunning()).isFalse();
      assertThat(s.getDeletedCode()).isEqualTo(1202);
      assertThat(s.getEntries()).isEqualTo(t.getEntries().size());
      assertThat(s.getAgentId()).isEqualTo("t");
    });
  }

  @Test
  void requestsNamingTheInstanceAreOnItSecretsMaskedAndTheRunningInstanceComesWithIt() {
    String id = instance("{}");
    api.ok("SendAgentInstanceTTS", Bodies.tts(id, "Hello there", ""));
    api.fails("SendAgentInstanceTTS", Bodies.tts(id, "Now", ",\"Priority\":\"Urgent\""), 410000003);
    Timeline t = control.timeline(id);
    assertThat(t.getRunning()).isTrue();
    assertThat(t.getInstance().getStatus()).isEqualTo("SPEAKING");
    TimelineEntry tts = first(t, "SendAgentInstanceTTS answered Code 0 SUCCESS");
    assertThat(tts.getText()).isEqualTo("Hello there");
    assertThat(tts.getJournalSequence()).isPositive();
    TimelineEntry refused = first(t, "SendAgentInstanceTTS answered Code 410000003 INVALID_PARAMETER");
    assertThat(refused.getCodeName()).isNotBlank();
    assertThat(refused.getText()).contains("Priority"); // the Message
    assertThat(first(t, "Status SPEAKING").getCallback().getState()).isEqualTo(CallbackDelivery.StateEnum.SWITCHED_OFF);
    assertThat(RawApi.JSON.valueToTree(t).toString()).doesNotContain(API_KEY);
  }

  @Test
  void unknownIdsAre404AndAnIdOnlyNamedInARequestHasItsStory() {
    assertThatThrownBy(() -> control.timeline("nobody")).isInstanceOf(MockControlException.class)
        .hasMessageContaining("404").hasMessageContaining("knows nothing of instance nobody");
    String odd = "<script>alert(1)</script>/x?y";
    api.fails("QueryAgentInstanceStatus", "{\"AgentInstanceId\":" + RawApi.JSON.valueToTree(odd) + "}", 410000003);
    Timeline t = control.timeline(odd);
    assertThat(t.getRunning()).isFalse();
    assertThat(t.getEntries()).singleElement().satisfies(e -> assertThat(e.getTitle()).startsWith("QueryAgentInstanceStatus answered Code 410000003"));
  }

  @Test
  void resetForgetsAndTheVersionOnlyGrows() {
    long v0 = control.changes().getVersion();
    String id = instance("{}");
    long v1 = control.changes().getVersion();
    assertThat(v1).isGreaterThan(v0);
    server.reset();
    assertThat(control.changes().getVersion()).isGreaterThan(v1);
    assertThat(control.timelines()).isEmpty();
    assertThatThrownBy(() -> control.timeline(id)).isInstanceOf(MockControlException.class).hasMessageContaining("404");
    control.addFault(new io.github.zegoaiagent.mock.control.model.Fault().action("ListAgents"));
    assertThat(control.changes().getVersion()).as("a control change").isGreaterThan(v1 + 1);
    assertThat(control.changes().getClockMillis()).isEqualTo(server.clock().millis());
  }

  @Test
  void namesComeFromTheContract() {
    var n = control.names();
    assertThat(n.getActions()).hasSize(19).contains("ListAgents", "CreateAgentInstance").isSorted();
    assertThat(n.getReturnCodes()).anySatisfy(c -> {
      assertThat(c.getCode()).isEqualTo(410001002L);
      assertThat(c.getName()).isNotBlank();
    });
    assertThat(n.getExceptionCodes()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo(1202));
    assertThat(n.getEvents()).contains("LLMResult", "Interrupted", "AgentInstanceDeleted");
  }
}
