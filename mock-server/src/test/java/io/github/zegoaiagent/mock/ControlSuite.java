package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.LlmReply;
import io.github.zegoaiagent.mock.control.model.QpsLimit;
import io.github.zegoaiagent.mock.control.model.Script;
import io.github.zegoaiagent.mock.control.model.ScriptEvent;
import io.github.zegoaiagent.mock.control.model.ScriptLoaded;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control API's behaviour, written once against the {@link MockControl} interface and run
 * against every implementation: the embedded {@code MockServer} in this JVM
 * ({@link ControlSuiteEmbeddedTest}), the HTTP client on an embedded mock
 * ({@link ControlSuiteHttpTest}) and the HTTP client on the standalone jar
 * ({@code ControlSuiteStandaloneIT}). Each mock's clock is fixed at {@link TestServers#START}.
 */
abstract class ControlSuite {
  /** @return the implementation under test */
  abstract MockControl control();

  /** @return a signing client of the same mock's API */
  abstract RawApi api();

  @BeforeEach
  void startClean() {
    control().reset();
  }

  /** @return the failure of {@code call}, checked to have {@code status} and to name {@code field} */
  static MockControlException refused(int status, String field, ThrowingCallable call) {
    MockControlException e = catchThrowableOfType(MockControlException.class, call);
    assertThat(e).as("refused with %s naming %s", status, field).isNotNull();
    assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
    assertThat(e.error()).contains(field);
    return e;
  }

  private String instance() {
    api().ok("RegisterAgent", Bodies.agent("suite"));
    return api().ok("CreateAgentInstance", Bodies.instance("suite", "1")).path("AgentInstanceId").asText();
  }

  @Test
  void healthAndInfoNameNoSecret() {
    assertThat(control().health().getStatus()).isEqualTo("ok");
    var info = control().info();
    assertThat(info.getAppIds()).isNotEmpty();
    assertThat(info.getClockMillis()).isEqualTo(TestServers.START.toEpochMilli());
    assertThat(info.getMemoryBudgetBytes()).isPositive();
    assertThat(info.getMemoryUsedBytes()).isBetween(0L, info.getMemoryBudgetBytes());
  }

  @Test
  void resetForgetsEverythingAndRewindsTheClock() {
    String id = instance();
    api().ok("SendAgentInstanceTTS", Bodies.tts(id, "Hello!", ""));
    control().advanceClock(new ClockAdvance().millis(60_000L));
    control().addFault(new Fault().action("ListAgents").code(410000001));
    assertThat(control().agents()).hasSize(1);
    assertThat(control().instances()).hasSize(1);
    assertThat(control().journal()).isNotEmpty();
    assertThat(control().callbacks().getEvents()).isNotEmpty();

    assertThat(control().reset().getReset()).isTrue();

    assertThat(control().readClock().getMillis()).as("back at the start, standalone and embedded alike")
        .isEqualTo(TestServers.START.toEpochMilli());
    assertThat(control().agents()).isEmpty();
    assertThat(control().instances()).isEmpty();
    assertThat(control().journal()).isEmpty();
    assertThat(control().faults()).isEmpty();
    assertThat(control().callbacks().getEvents()).isEmpty();
    refused(404, id, () -> control().instance(id));
    assertThat(control().info().getMemoryUsedBytes()).as("nothing kept after a reset").isZero();
  }

  @Test
  void theClockMovesOnlyForwardWithinItsBounds() {
    long start = control().readClock().getMillis();
    assertThat(control().advanceClock(new ClockAdvance().millis(1_500L)).getMillis()).isEqualTo(start + 1_500);
    // Before: -10^12 moved the clock back 31 years; 2^63-1 answered 200 and did not move it.
    refused(400, "millis", () -> control().advanceClock(new ClockAdvance().millis(-1_000_000_000_000L)));
    refused(400, "millis", () -> control().advanceClock(new ClockAdvance().millis(Long.MAX_VALUE)));
    refused(400, "millis", () -> control().advanceClock(new ClockAdvance().millis(315_360_000_001L)));
    refused(400, "millis", () -> control().advanceClock(new ClockAdvance()));
    assertThat(control().readClock().getMillis()).as("a refused move moves nothing").isEqualTo(start + 1_500);
  }

  @Test
  void scriptTimesAreBounded() {
    String id = instance();
    // Before: an `at` of 2^63-1 answered 500 (ArithmeticException); a durationMillis or endAt of
    // 2^63-1 answered 200 with a negative endsAtMillis.
    refused(400, "events.0.at", () -> control().loadScript(id, new Script().events(List.of(
        new ScriptEvent().at(Long.MAX_VALUE).type(ScriptEvent.TypeEnum.LEAVE)))));
    refused(400, "events.0.durationMillis", () -> control().loadScript(id, new Script().events(List.of(
        new ScriptEvent().at(0L).type(ScriptEvent.TypeEnum.SPEAK).text("hi").durationMillis(Long.MAX_VALUE)))));
    refused(400, "endAt", () -> control().loadScript(id, new Script().endAt(Long.MAX_VALUE).events(List.of(
        new ScriptEvent().at(0L).type(ScriptEvent.TypeEnum.LEAVE)))));
    ScriptLoaded ok = control().loadScript(id, new Script().endAt(31_622_400_000L).events(List.of(
        new ScriptEvent().at(31_536_000_000L).type(ScriptEvent.TypeEnum.SPEAK).text("a year later")
            .durationMillis(86_400_000L))));
    assertThat(ok.getEndsAtMillis()).isEqualTo(ok.getStartsAtMillis() + 31_622_400_000L);
    refused(404, "no running instance", () -> control().loadScript("1234567890123456789", new Script().events(List.of())));
  }

  @Test
  void faultsAndTheQpsLimitAreBounded() {
    refused(400, "count", () -> control().addFault(new Fault().action("ListAgents").count(0)));
    refused(400, "count", () -> control().addFault(new Fault().action("ListAgents").count(Integer.MAX_VALUE)));
    refused(400, "code", () -> control().addFault(new Fault().action("ListAgents").code(-1)));
    refused(400, "delayMillis", () -> control().addFault(new Fault().action("ListAgents").delayMillis(300_001L)));
    refused(400, "action", () -> control().addFault(new Fault()));
    assertThat(control().faults()).isEmpty();
    assertThat(control().addFault(new Fault().action("ListAgents").count(2).code(410000001))).singleElement()
        .satisfies(f -> assertThat(f.getCount()).isEqualTo(2));
    api().uncheckedCodes().fails("ListAgents", "{}", 410000001);
    assertThat(control().faults()).singleElement().satisfies(f -> assertThat(f.getCount()).isEqualTo(1));
    assertThat(control().clearFaults()).isEmpty();

    refused(400, "limit", () -> control().setQpsLimit(new QpsLimit().limit(-1)));
    refused(400, "limit", () -> control().setQpsLimit(new QpsLimit().limit(1_000_001)));
    assertThat(control().setQpsLimit(new QpsLimit().limit(0)).getLimit()).isZero();
  }

  @Test
  void anInstanceIsSteeredAndInspected() {
    String id = instance();
    assertThat(control().instance(id).getStatus()).isEqualTo("IDLE");
    assertThat(control().simulateUser(id, new UserSimulation().present(false)).getUserPresent()).isFalse();
    assertThat(control().setLlmReply(new LlmReply().reply("Sunny.")).getReply()).isEqualTo("Sunny.");
    api().ok("SendAgentInstanceLLM", Bodies.llm(id, "Weather?", ""));
    control().advanceClock(new ClockAdvance().millis(10_000L));
    assertThat(control().instance(id).getSpokenTexts()).singleElement()
        .satisfies(t -> assertThat(t.getText()).isEqualTo("Sunny."));
    assertThat(control().setLlmReply(new LlmReply()).getReply()).isEqualTo("(echo)");
    assertThat(control().agents()).singleElement().satisfies(a -> {
      assertThat(a.getAgentId()).isEqualTo("suite");
      assertThat(a.getLlm().path("ApiKey").asText()).isEqualTo("***");
    });
    refused(404, "1234567890123456789", () -> control().instance("1234567890123456789"));
    refused(404, "1234567890123456789", () -> control().simulateUser("1234567890123456789", new UserSimulation().present(true)));
  }
}
