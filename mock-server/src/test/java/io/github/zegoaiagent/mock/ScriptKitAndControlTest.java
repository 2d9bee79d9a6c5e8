package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.junit.CallbackSink;
import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.script.ConversationScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.github.zegoaiagent.mock.control.model.Script;
import io.github.zegoaiagent.mock.control.model.ScriptEvent;
import io.github.zegoaiagent.mock.control.model.ScriptLoaded;
import org.junit.jupiter.api.Test;

/**
 * Scripts and forwarding through the two ways a user reaches them: the test kit
 * ({@code @ZegoMockTest(llmForward = true)}, {@link ZegoMock#runScript}) with signed callbacks
 * arriving in the sink, and the control API ({@code POST /_mock/instances/{id}/script}).
 */
@ZegoMockTest(llmForward = true)
class ScriptKitAndControlTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LocalLlmServer llm;

  @BeforeAll
  static void startLlm() {
    llm = LocalLlmServer.start();
  }

  @AfterAll
  static void stopLlm() {
    llm.close();
  }

  static String instance(ZegoMock mock) {
    RawApi api = new RawApi(mock.baseUrl(), mock.appId(), mock.serverSecret(), () -> mock.clock().millis());
    api.ok("RegisterAgent", "{\"AgentId\":\"k\",\"Name\":\"K\",\"LLM\":{\"Url\":\"" + llm.url()
        + "\",\"ApiKey\":\"key\",\"Model\":\"m\"},\"TTS\":" + Bodies.TTS + "}");
    return api.ok("CreateAgentInstance", Bodies.instance("k", "1",
        ",\"CallbackConfig\":{\"ASRResult\":1,\"LLMResult\":1}")).path("AgentInstanceId").asText();
  }

  @Test
  void theKitRunsAScriptAndTheSinkGetsTheSignedCallbacks(ZegoMock mock, CallbackSink sink) {
    llm.clear();
    llm.answers("Hello there. Nice to meet you.");
    String id = instance(mock);
    mock.runScript(id, ConversationScript.builder().speak(Duration.ZERO, "Hi", Duration.ofMillis(500)).build());
    // runScript ends when the script does: the turn's answer is still playing; let it finish.
    mock.advanceClock(Duration.ofSeconds(10));
    assertThat(llm.received()).hasSize(1);
    List<String> texts = awaitTexts(sink, 3);
    assertThat(texts).containsExactly("ASRResult Hi", "LLMResult Hello there.", "LLMResult Nice to meet you.");
    assertThat(sink.rejected()).isZero();
  }

  private static List<String> awaitTexts(CallbackSink sink, int n) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> out;
    do {
      out = sink.events().stream().filter(e -> e.path("Data").has("Text"))
          .sorted(java.util.Comparator.comparingLong(e -> e.path("Sequence").longValue()))
          .map(e -> e.path("Event").asText() + " " + e.at("/Data/Text").asText()).collect(Collectors.toList());
      if (out.size() < n) {
        try {
          Thread.sleep(20); // deliveries are asynchronous HTTP posts to the sink
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } while (out.size() < n && System.nanoTime() < end);
    return out;
  }

  static HttpResponse<String> post(ZegoMock mock, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "_mock/" + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theControlApiLoadsAScriptThatPlaysAsTheClockMoves(ZegoMock mock) throws Exception {
    llm.clear();
    llm.answers("Fine.");
    String id = instance(mock);
    HttpResponse<String> r = post(mock, "instances/" + id + "/script",
        "{\"events\":[{\"at\":1000,\"type\":\"speak\",\"text\":\"How are you?\",\"durationMillis\":400}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode answer = RawApi.JSON.readTree(r.body());
    assertThat(answer.path("events").asInt()).isEqualTo(1);
    assertThat(answer.path("endsAtMillis").asLong() - answer.path("startsAtMillis").asLong()).isEqualTo(1400);
    assertThat(llm.received()).isEmpty(); // nothing happens before the clock moves
    assertThat(post(mock, "clock/advance", "{\"millis\":1400}").statusCode()).isEqualTo(200);
    assertThat(llm.received()).hasSize(1);
    assertThat(llm.received().get(0).body().at("/messages/0/content").asText()).isEqualTo("How are you?");

    HttpResponse<String> bad = post(mock, "instances/" + id + "/script", "{\"events\":[{\"at\":0,\"type\":\"sing\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("events.0.type"); // the document's schema refuses it
    // Schema-valid but against the script's rules (the user speaks one turn at a time): the parser refuses it.
    HttpResponse<String> overlap = post(mock, "instances/" + id + "/script", "{\"events\":["
        + "{\"at\":0,\"type\":\"speak\",\"text\":\"a\",\"durationMillis\":500},"
        + "{\"at\":100,\"type\":\"speak\",\"text\":\"b\",\"durationMillis\":500}]}");
    assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(400);
    assertThat(overlap.body()).contains("script: ");
    assertThat(post(mock, "instances/0000/script", "{\"events\":[]}").statusCode()).isEqualTo(404);
  }

  @Test
  void theGeneratedControlClientLoadsScripts(ZegoMock mock) {
    llm.clear();
    llm.answers("Good.");
    String id = instance(mock);
    ScriptLoaded loaded = mock.control().loadScript(id, new Script().events(List.of(
        new ScriptEvent().at(0L).type(ScriptEvent.TypeEnum.SPEAK).text("Ready?").durationMillis(300L))));
    assertThat(loaded.getEvents()).isEqualTo(1);
    assertThat(loaded.getEndsAtMillis() - loaded.getStartsAtMillis()).isEqualTo(300);
    mock.control().advanceClock(new io.github.zegoaiagent.mock.control.model.ClockAdvance().millis(300L));
    assertThat(llm.received()).hasSize(1);
    assertThatThrownBy(() -> mock.control().loadScript("0000", new Script().events(List.of())))
        .isInstanceOf(io.github.zegoaiagent.mock.control.MockControlException.class).hasMessageContaining("404");
  }
}
