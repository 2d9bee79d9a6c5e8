package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.control.LoopbackPolicy;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP control API under /_mock/ and who may use it. */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class ControlApiTest {
  static MockServer server;
  static RawApi api;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  static HttpResponse<String> control(String method, String path, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "_mock/" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return RawApi.JSON.readTree(r.body());
  }

  @Test
  void loopbackDecision() throws Exception {
    InetSocketAddress loop4 = new InetSocketAddress("127.0.0.1", 1);
    InetSocketAddress loop6 = new InetSocketAddress("::1", 1);
    InetSocketAddress remote = new InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), 1);
    assertThat(LoopbackPolicy.allows(loop4, false)).isTrue();
    assertThat(LoopbackPolicy.allows(loop6, false)).isTrue();
    assertThat(LoopbackPolicy.allows(remote, false)).isFalse();
    assertThat(LoopbackPolicy.allows(null, false)).isFalse();
    assertThat(LoopbackPolicy.allows(remote, true)).isTrue();
  }

  @Test
  void healthAndInfoWithoutSecrets() throws Exception {
    assertThat(json(control("GET", "health", null)).path("status").asText()).isEqualTo("ok");
    HttpResponse<String> info = control("GET", "info", null);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(json(info).path("appIds").get(0).asLong()).isEqualTo(server.appId());
    assertThat(info.body()).doesNotContain(server.serverSecret());
  }

  @Test
  void inspectAgentsInstancesJournalAndCallbacks() throws Exception {
    api.ok("RegisterAgent", Bodies.agent("c1"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("c1", "1")).path("AgentInstanceId").asText();
    assertThat(json(control("GET", "agents", null)).get(0).path("agentId").asText()).isEqualTo("c1");
    assertThat(json(control("GET", "instances", null)).get(0).path("agentInstanceId").asText()).isEqualTo(id);
    assertThat(json(control("GET", "instances/" + id, null)).path("status").asText()).isEqualTo("IDLE");
    assertThat(control("GET", "instances/404", null).statusCode()).isEqualTo(404);
    JsonNode journal = json(control("GET", "journal", null));
    assertThat(journal).hasSize(2);
    assertThat(journal.get(0).path("query").asText()).contains("Signature=***");
    JsonNode cb = json(control("GET", "callbacks", null));
    assertThat(cb.path("events").get(0).path("Event").asText()).isEqualTo("AgentInstanceCreated");
  }

  @Test
  void faultsClockReplyUserAndReset() throws Exception {
    api.ok("RegisterAgent", Bodies.agent("c2"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("c2", "1")).path("AgentInstanceId").asText();

    assertThat(control("POST", "faults", "{\"action\":\"ListAgents\",\"count\":1,\"code\":410000001}").statusCode()).isEqualTo(200);
    assertThat(new RawApi(server).uncheckedCodes().call("ListAgents", "{}").path("Code").asInt()).isEqualTo(410000001);
    assertThat(control("POST", "faults", "{\"count\":1}").statusCode()).isEqualTo(400);

    assertThat(control("POST", "llm-reply", "{\"reply\":\"Fixed answer.\"}").statusCode()).isEqualTo(200);
    api.ok("SendAgentInstanceLLM", Bodies.llm(id, "q", ""));
    long before = server.clock().millis();
    JsonNode clock = json(control("POST", "clock/advance", "{\"millis\":60000}"));
    assertThat(clock.path("millis").asLong()).isEqualTo(before + 60000);
    assertThat(server.instance(id).getSpokenTexts().get(0).getText()).isEqualTo("Fixed answer.");
    control("POST", "llm-reply", "{}");

    JsonNode after = json(control("POST", "instances/" + id + "/user", "{\"present\":false}"));
    assertThat(after.path("userPresent").asBoolean()).isFalse();
    control("POST", "clock/advance", "{\"millis\":120000}");
    assertThat(TestServers.runs(server, id)).isFalse();

    assertThat(control("POST", "qps-limit", "{\"limit\":0}").statusCode()).isEqualTo(200);
    assertThat(control("POST", "reset", null).statusCode()).isEqualTo(200);
    assertThat(server.agents()).isEmpty();
    assertThat(server.journal()).isEmpty();
  }

  @Test
  void badInputIsA4xxNeverA5xx() throws Exception {
    assertThat(control("GET", "nope", null).statusCode()).isEqualTo(404);
    assertThat(control("POST", "clock/advance", "{not json").statusCode()).isEqualTo(400);
    assertThat(control("POST", "clock/advance", "{}").statusCode()).isEqualTo(400);
    assertThat(control("POST", "qps-limit", "{\"limit\":-1}").statusCode()).isEqualTo(400);
    assertThat(control("POST", "instances/123/user", "{\"present\":false}").statusCode()).isEqualTo(404);
    // A known route with another method: 405 naming the allowed ones (the README promised it).
    HttpResponse<String> wrong = control("DELETE", "journal", null);
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.body()).contains("allowed: GET");
    assertThat(control("GET", "reset", null).statusCode()).isEqualTo(405);
    assertThat(control("PUT", "faults", "{}").statusCode()).isEqualTo(405);
    assertThat(control("GET", "instances/123/user", null).statusCode()).isEqualTo(405);
    assertThat(control("GET", "instances/1/2/3", null).statusCode()).isEqualTo(404);
  }

  @Test
  void statusesFollowTheDocument() throws Exception {
    // 405 carries Allow with every method the path takes.
    HttpResponse<String> wrong = control("PUT", "faults", "{}");
    assertThat(wrong.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    assertThat(control("POST", "health", null).headers().firstValue("Allow")).hasValue("GET");
    assertThat(control("GET", "nope", null).headers().firstValue("Allow")).isEmpty();
    // 400 names the field and the rule, from the document's schema.
    HttpResponse<String> notInt = control("POST", "clock/advance", "{\"millis\":\"soon\"}");
    assertThat(notInt.statusCode()).isEqualTo(400);
    // The message mock-server/README.md quotes.
    assertThat(json(notInt).path("error").asText())
        .isEqualTo("body of POST /_mock/clock/advance: millis: string found, integer expected");
    assertThat(json(control("POST", "faults", "{}")).path("error").asText())
        .isEqualTo("body of POST /_mock/faults: required property 'action' not found");
    HttpResponse<String> missing = control("POST", "faults", "{\"count\":1}");
    assertThat(json(missing).path("error").asText()).contains("action");
    HttpResponse<String> typo = control("POST", "instances/1/user", "{\"presnt\":false}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(json(typo).path("error").asText()).contains("presnt");
    HttpResponse<String> negativeCount = control("POST", "faults", "{\"action\":\"ListAgents\",\"count\":0}");
    assertThat(json(negativeCount).path("error").asText()).contains("count").contains("1");
    HttpResponse<String> tooBig = control("POST", "qps-limit", "{\"limit\":99999999999}");
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(json(tooBig).path("error").asText()).isNotBlank();
    assertThat(control("POST", "clock/advance", "null").statusCode()).isEqualTo(400);
    RawHttp.Response badEscape = RawHttp.exchange(server.baseUrl().getPort(), RawHttp.request("GET",
        "/_mock/instances/%zz".getBytes(java.nio.charset.StandardCharsets.US_ASCII), java.util.List.of(), new byte[0],
        RawHttp.Framing.NONE));
    assertThat(badEscape.status()).isEqualTo(400);
    assertThat(new String(badEscape.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("percent-escape");
    // A body larger than the control API's cap.
    assertThat(control("POST", "llm-reply", "{\"reply\":\"" + "x".repeat(70_000) + "\"}").statusCode()).isEqualTo(400);
    // reset takes no body: whatever comes is ignored.
    assertThat(control("POST", "reset", "{not json").statusCode()).isEqualTo(200);
  }

  @Test
  void aBugIs500AndNever400() throws Exception {
    // A MockControl whose every method throws: what the router makes of each exception type.
    java.util.function.Function<RuntimeException, io.github.zegoaiagent.mock.control.MockControl> throwing = ex ->
        (io.github.zegoaiagent.mock.control.MockControl) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {io.github.zegoaiagent.mock.control.MockControl.class},
            (proxy, method, args) -> {
              throw ex;
            });
    InetSocketAddress loop = new InetSocketAddress("127.0.0.1", 1);
    var budget = io.github.zegoaiagent.mock.internal.memory.MemoryBudget.unlimited();
    var timelines = new io.github.zegoaiagent.mock.internal.timeline.Timelines(() -> 0L, n -> n,
        new io.github.zegoaiagent.mock.internal.timeline.ContractWords(
            io.github.zegoaiagent.mock.internal.validate.Contract.load().model()));
    for (RuntimeException bug : new RuntimeException[] {new IllegalArgumentException("x"), new NullPointerException(),
        new IllegalStateException("y"), new java.util.NoSuchElementException("z")}) {
      var handler = new io.github.zegoaiagent.mock.internal.control.ControlRouter(throwing.apply(bug), RawApi.JSON, false, budget,
          timelines);
      var a = handler.answer("GET", "/_mock/agents", loop, new byte[0], false);
      assertThat(a.status()).as("%s from agents()", bug).isEqualTo(500);
      assertThat(RawApi.JSON.readTree(a.body()).path("error").asText()).contains("bug").contains(bug.getClass().getSimpleName());
    }
    // The caller's mistakes are the operations' ControlExceptions, answered with their status.
    for (int status : new int[] {400, 404, 409, 503}) {
      var refusing = new io.github.zegoaiagent.mock.internal.control.ControlRouter(
          throwing.apply(new io.github.zegoaiagent.mock.internal.control.ControlException(status, "no")), RawApi.JSON, false, budget, timelines);
      assertThat(refusing.answer("GET", "/_mock/instances/7", loop, new byte[0], false).status()).isEqualTo(status);
    }
  }


  @Test
  void aFullFaultPlanIs409NotABug() throws Exception {
    int planned = 0;
    HttpResponse<String> r;
    do {
      r = control("POST", "faults", "{\"action\":\"ListAgents\",\"count\":1,\"code\":410000001}");
      planned++;
    } while (r.statusCode() == 200 && planned < 5_000);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(json(r).path("error").asText()).contains("faults");
    assertThat(server.faults()).hasSize(planned - 1);
    control("DELETE", "faults", null);
  }

  @Test
  void controlApiCanBeSwitchedOff() throws Exception {
    try (MockServer off = MockServer.start(TestServers.config().controlApiEnabled(false).build())) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(off.baseUrl() + "_mock/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(RawApi.JSON.readTree(r.body()).path("Code").asInt()).isEqualTo(100000007); // just an unknown path
    }
  }
}
