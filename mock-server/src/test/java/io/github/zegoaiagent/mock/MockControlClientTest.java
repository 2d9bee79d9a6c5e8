package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.control.model.LlmReply;
import io.github.zegoaiagent.mock.control.model.QpsLimit;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated control client against an embedded mock: every call, and every way one fails. */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class MockControlClientTest {
  static MockServer server;
  static MockControlClient control;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    control = MockControlClient.of(server.baseUrl());
  }

  @Test
  void steersAndInspectsTheMock() {
    assertThat(control.health().getStatus()).isEqualTo("ok");
    assertThat(control.info().getAppIds()).containsExactly(server.appId());
    assertThat(control.info().getClockMillis()).isEqualTo(TestServers.START.toEpochMilli());

    RawApi api = new RawApi(server);
    api.ok("RegisterAgent", Bodies.agent("cc"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("cc", "1")).path("AgentInstanceId").asText();
    assertThat(control.agents()).singleElement().satisfies(a -> assertThat(a.getAgentId()).isEqualTo("cc"));
    assertThat(control.instances()).extracting(Instance::getAgentInstanceId).containsExactly(id);
    assertThat(control.instance(id).getStatus()).isEqualTo("IDLE");
    assertThat(control.journal()).hasSize(2);
    assertThat(control.callbacks().getEvents()).isNotEmpty();

    control.setLlmReply(new LlmReply().reply("Fixed."));
    api.ok("SendAgentInstanceLLM", Bodies.llm(id, "q", ""));
    assertThat(control.advanceClock(new ClockAdvance().millis(60_000L)).getMillis())
        .isEqualTo(TestServers.START.toEpochMilli() + 60_000);
    assertThat(control.readClock().getMillis()).isEqualTo(server.clock().millis());
    assertThat(control.instance(id).getSpokenTexts().get(0).getText()).isEqualTo("Fixed.");
    assertThat(control.setLlmReply(new LlmReply()).getReply()).isEqualTo("(echo)");

    assertThat(control.simulateUser(id, new UserSimulation().present(false)).getUserPresent()).isFalse();
    assertThat(server.instance(id).getUserPresent()).isFalse();

    assertThat(control.addFault(new Fault().action("ListAgents").code(410000001))).hasSize(1);
    assertThat(new RawApi(server).uncheckedCodes().call("ListAgents", "{}").path("Code").asInt()).isEqualTo(410000001);
    control.addFault(new Fault().action("QueryAgents").delayMillis(2_000L));
    assertThat(control.faults()).singleElement().satisfies(f -> assertThat(f.getDelayMillis()).isEqualTo(2_000L));
    assertThat(control.clearFaults()).isEmpty();

    assertThat(control.setQpsLimit(new QpsLimit().limit(3)).getLimit()).isEqualTo(3);
    control.setQpsLimit(new QpsLimit().limit(0));
    assertThat(control.reset().getReset()).isTrue();
    assertThat(server.agents()).isEmpty();
    assertThat(control.instances()).isEmpty();
  }

  @Test
  void failuresCarryTheStatusAndTheMocksMessage() {
    MockControlException gone = catchThrowableOfType(MockControlException.class, () -> control.instance("123"));
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.error()).contains("123");
    assertThat(gone.path()).isEqualTo("/_mock/instances/123");

    MockControlException bad = catchThrowableOfType(MockControlException.class, () -> control.addFault(new Fault().count(1)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).contains("action");

    // Path parameters are one segment: a slash cannot reach another route.
    MockControlException slash = catchThrowableOfType(MockControlException.class, () -> control.instance("1/user"));
    assertThat(slash.status()).isEqualTo(404);
    assertThat(slash.path()).isEqualTo("/_mock/instances/1%2Fuser");
  }

  @Test
  void aMockThatIsNotThereIsStatusZeroWithinTheDeadline() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    MockControlClient nowhere = MockControlClient.of(URI.create("http://127.0.0.1:" + port + "/"));
    MockControlException e = catchThrowableOfType(MockControlException.class, nowhere::health);
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("cannot reach the mock");

    // A server that accepts and never answers: the deadline covers the whole exchange.
    try (ServerSocket silent = new ServerSocket(0)) {
      MockControlClient stuck = MockControlClient.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
          HttpClient.newHttpClient(), Duration.ofMillis(300));
      long t0 = System.nanoTime();
      MockControlException late = catchThrowableOfType(MockControlException.class, stuck::health);
      assertThat(late.status()).isZero();
      assertThat(late.getMessage()).contains("no answer within");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void theSwitchedOffControlApiIsA404FromTheApiNotAHang() {
    try (MockServer off = MockServer.start(TestServers.config().controlApiEnabled(false).build())) {
      MockControlException e = catchThrowableOfType(MockControlException.class,
          () -> MockControlClient.of(off.baseUrl()).reset());
      // The API answers its envelope (HTTP 200 with Code 100000007) for a path it does not know:
      // the client says so instead of returning an empty ResetResult.
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.error()).contains("100000007").contains("switched off");
    }
  }

  @Test
  void describesItselfWithoutSecrets() {
    assertThat(control.toString()).contains(server.baseUrl().toString()).doesNotContain(server.serverSecret());
    assertThat(control.baseUrl()).isEqualTo(server.baseUrl());
  }
}
