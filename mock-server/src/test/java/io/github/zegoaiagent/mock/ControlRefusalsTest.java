package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.control.model.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control API refuses what it cannot do instead of accepting it silently: a fault for an
 * action no request can have, a journal query parameter it does not know or a value it cannot
 * use; and the journal filters it does know.
 */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class ControlRefusalsTest {
  static MockServer server;
  static RawApi api;
  static MockControlClient control;

  @BeforeAll
  static void bind(MockServer mock, MockControlClient client) {
    server = mock;
    api = new RawApi(server);
    control = client;
  }

  @Test
  void aFaultForAnUnknownActionIs400NamingTheActions() throws Exception {
    HttpResponse<String> r = control("POST", "faults", "{\"action\":\"ListAgent\",\"code\":410000001}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").asText())
        .contains("ListAgent").contains("did you mean ListAgents?").contains("CreateAgentInstance, CreateDigitalHumanAgentInstance");
    assertThat(server.faults()).isEmpty();
    // Case matters, as on the wire.
    assertThat(control("POST", "faults", "{\"action\":\"listagents\"}").statusCode()).isEqualTo(400);
    // The same refusal in Java, and through the generated client.
    for (io.github.zegoaiagent.mock.control.MockControl face : List.of(server, control)) {
      assertThatThrownBy(() -> face.addFault(new Fault().action("ListAgent").count(1).code(410000001)))
          .isInstanceOfSatisfying(MockControlException.class, e -> assertThat(e.status()).as("%s", face).isEqualTo(400))
          .hasMessageContaining("did you mean ListAgents?");
    }
    // A known one is planned and fires.
    assertThat(control("POST", "faults", "{\"action\":\"ListAgents\",\"code\":410000001}").statusCode()).isEqualTo(200);
    api.uncheckedCodes().fails("ListAgents", "{}", 410000001);
  }

  @Test
  void theJournalFiltersByActionCodeTimeAndCount() throws Exception {
    long t0 = server.clock().millis();
    api.ok("ListAgents", "{}");
    new RawApi(server, server.appId(), "wrong-secret").call("ListAgents", "{}"); // 100000005
    api.ok("QueryAgents", "{\"AgentIds\":[\"a\"]}");
    server.advanceClock(Duration.ofSeconds(10));
    long t1 = server.clock().millis();
    api.ok("ListAgents", "{\"Limit\":1}");

    assertThat(journal("action=ListAgents")).extracting(e -> e.path("code").asInt()).containsExactly(0, 100000005, 0);
    assertThat(journal("code=100000005")).singleElement().satisfies(e -> assertThat(e.path("action").asText()).isEqualTo("ListAgents"));
    assertThat(journal("since=" + t1)).singleElement().satisfies(e -> assertThat(e.path("body").asText()).contains("Limit"));
    assertThat(journal("until=" + t1)).hasSize(3);
    assertThat(journal("since=" + t0 + "&until=" + t1 + "&action=ListAgents&code=0")).hasSize(1);
    assertThat(journal("limit=2")).extracting(e -> e.path("action").asText()).containsExactly("QueryAgents", "ListAgents");
    assertThat(journal("action=ListAgents&limit=1&code=0")).singleElement()
        .satisfies(e -> assertThat(e.path("atMillis").asLong()).isEqualTo(t1));
    assertThat(journal("action=List%41gents")).hasSize(3); // percent-escapes are decoded
    assertThat(journal("")).hasSize(4);

    // The generated client has the filters (and the call without them).
    List<JournalEntry> refused = control.journal("ListAgents", 100000005, null, null, null);
    assertThat(refused).singleElement().satisfies(e -> assertThat(e.getCode()).isEqualTo(100000005));
    assertThat(control.journal()).hasSize(4);
    assertThat(control.journal(null, null, t1, null, 5)).hasSize(1);
  }

  @Test
  void unknownQueryParametersAndBadValuesAre400() throws Exception {
    assertThat(refusal("journal?acton=ListAgents")).contains("unknown query parameter acton of GET /_mock/journal")
        .contains("did you mean action?").contains("It takes: action, code, since, until, limit");
    assertThat(refusal("journal?limit=0")).contains("query parameter limit").contains("minimum");
    assertThat(refusal("journal?code=abc")).isEqualTo("query parameter code: abc is not an integer");
    assertThat(refusal("journal?since=-1")).contains("query parameter since").contains("minimum");
    assertThat(refusal("journal?code=1&code=2")).contains("given twice");
    // java.net.URI refuses to send a malformed escape; the router gets it from other clients.
    var handler = new io.github.zegoaiagent.mock.internal.control.ControlRouter(server, RawApi.JSON, false,
        io.github.zegoaiagent.mock.internal.memory.MemoryBudget.unlimited(),
        new io.github.zegoaiagent.mock.internal.timeline.Timelines(() -> 0L, n -> n,
            new io.github.zegoaiagent.mock.internal.timeline.ContractWords(
                io.github.zegoaiagent.mock.internal.validate.Contract.load().model())));
    var bad = handler.answer("GET", "/_mock/journal?action=%zz", new java.net.InetSocketAddress("127.0.0.1", 1), new byte[0], false);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(RawApi.JSON.readTree(bad.body()).path("error").asText()).contains("malformed percent-escape in the query");
    assertThat(refusal("journal?action=")).contains("query parameter action");
    assertThat(refusal("health?verbose=true")).isEqualTo("GET /_mock/health takes no query parameters (got verbose)");
    assertThat(refusal("faults?action=ListAgents")).contains("GET /_mock/faults takes no query parameters");
    assertThat(control("GET", "health?", null).statusCode()).isEqualTo(200);
  }

  static HttpResponse<String> control(String method, String path, String body) throws Exception {
    java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "_mock/" + path))
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build();
    return ControlApiTest.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return RawApi.JSON.readTree(r.body());
  }

  private static List<JsonNode> journal(String query) throws Exception {
    HttpResponse<String> r = control("GET", "journal" + (query.isEmpty() ? "" : "?" + query), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode n = json(r);
    List<JsonNode> out = new java.util.ArrayList<>();
    n.forEach(out::add);
    return out;
  }

  private static String refusal(String pathAndQuery) throws Exception {
    HttpResponse<String> r = control("GET", pathAndQuery, null);
    assertThat(r.statusCode()).as("%s: %s", pathAndQuery, r.body()).isEqualTo(400);
    return json(r).path("error").asText();
  }
}
