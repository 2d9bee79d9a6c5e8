package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import io.github.zegoaiagent.mock.control.model.Fault;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-action QPS limit (410001029) and fault injection. */
@ZegoMockTest(callbacks = false, configure = QpsAndFaultsTest.Config.class)
class QpsAndFaultsTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).qpsLimit(3);
    }
  }

  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @BeforeEach
  void setUp() {
    server.setQpsLimit(new io.github.zegoaiagent.mock.control.model.QpsLimit().limit(3));
  }

  @Test
  void qpsLimitPerActionOnTheClock() {
    for (int i = 0; i < 3; i++) {
      api.ok("ListAgents", "{}");
    }
    String msg = api.fails("ListAgents", "{}", Codes.RATE_LIMITED);
    assertThat(msg).contains("at most 3 ListAgents requests per second");
    api.ok("QueryAgents", "{\"AgentIds\":[]}"); // another action has its own window
    server.advanceClock(Duration.ofMillis(999));
    api.fails("ListAgents", "{}", Codes.RATE_LIMITED);
    server.advanceClock(Duration.ofMillis(1));
    api.ok("ListAgents", "{}");
  }

  @Test
  void qpsLimitCanBeSwitchedOff() {
    server.setQpsLimit(new io.github.zegoaiagent.mock.control.model.QpsLimit().limit(0));
    for (int i = 0; i < 20; i++) {
      api.ok("ListAgents", "{}");
    }
  }

  @Test
  void nextNCallsAnswerTheInjectedCode() {
    server.setQpsLimit(new io.github.zegoaiagent.mock.control.model.QpsLimit().limit(0));
    server.addFault(new Fault().action("RegisterAgent").count(2).code(Codes.SYSTEM_ERROR));
    RawApi raw = new RawApi(server).uncheckedCodes();
    assertThat(raw.call("RegisterAgent", Bodies.agent("f")).path("Code").asInt()).isEqualTo(Codes.SYSTEM_ERROR);
    assertThat(raw.call("RegisterAgent", Bodies.agent("f")).path("Message").asText()).contains("injected fault");
    assertThat(server.agents()).as("a faulted call changes nothing").isEmpty();
    api.ok("RegisterAgent", Bodies.agent("f"));
    assertThat(server.faults()).isEmpty();
  }

  @Test
  void faultWithCustomMessageOnlyHitsItsAction() {
    server.addFault(new Fault().action("CreateAgentInstance").code(410001003).message("boom"));
    api.ok("RegisterAgent", Bodies.agent("f"));
    JsonNode r = api.call("CreateAgentInstance", Bodies.instance("f", "1"));
    assertThat(r.path("Code").asInt()).isEqualTo(410001003);
    assertThat(r.path("Message").asText()).isEqualTo("boom");
    api.ok("CreateAgentInstance", Bodies.instance("f", "1"));
  }

  @Test
  void delayFaultAnswersNormallyAfterTheDelay() throws Exception {
    server.addFault(new Fault().action("ListAgents").delayMillis(300L));
    java.util.concurrent.CompletableFuture<JsonNode> answer =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> api.ok("ListAgents", "{}"));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!server.faults().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5); // until the request has reached the mock and met the fault
    }
    assertThat(server.faults()).isEmpty();
    assertThat(answer).isNotDone();
    server.advanceClock(Duration.ofMillis(300)); // the delay is mock time
    assertThat(answer.get(20, java.util.concurrent.TimeUnit.SECONDS).path("Code").asInt()).isZero();
  }

  @Test
  void faultCountsDownInPendingList() {
    server.addFault(new Fault().action("ListAgents").count(3).code(Codes.SYSTEM_ERROR));
    new RawApi(server).uncheckedCodes().call("ListAgents", "{}");
    assertThat(server.faults()).singleElement().extracting(Fault::getCount).isEqualTo(2);
    server.clearFaults();
    assertThat(server.faults()).isEmpty();
  }
}
