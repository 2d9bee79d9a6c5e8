package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.spec.Constraint;
import io.github.zegoaiagent.conformance.spec.Constraints;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits people ask about, as named tests. Each first checks that the contract still states the
 * number in the test's name, then runs the same target and client checks as {@link LimitsIT}.
 */
@ExtendWith(ReportExtension.class)
class HeadlineLimitsIT {

  private static final List<Constraint> ALL = new Constraints(SPEC).all();

  private static Constraint constraint(String action, String path, String keyword, int expectedLimit) {
    Constraint c = ALL.stream().filter(x -> x.action().equals(action) && x.jsonPath().equals(path) && x.keyword().equals(keyword))
        .findFirst().orElseThrow(() -> new AssertionError("the contract has no " + keyword + " on " + action + " " + path));
    assertThat(c.limit().asInt()).as("%s %s %s in the contract", action, path, keyword).isEqualTo(expectedLimit);
    return c;
  }

  /** Who is held to the limit: each side is its own test and its own report cell. */
  enum Side { TARGET, CLIENT }

  private static void check(Side side, Constraint... constraints) throws Exception {
    for (Constraint c : constraints) {
      Report.cover(c.action(), side == Side.TARGET ? "limits" : "client-limits");
    }
    for (Constraint c : constraints) {
      if (side == Side.TARGET) {
        LimitsIT.checkTarget(c);
      } else {
        LimitsIT.checkClient(c);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void ttsTextAllows300CharactersEvenMultiByteAndRefuses301(Side side) throws Exception {
    check(side,
        constraint("SendAgentInstanceTTS", "Text", "maxLength", 300));  // at-limit text is 300 × "你"
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void userIdAllows32Characters(Side side) throws Exception {
    check(side,
        constraint("CreateAgentInstance", "UserId", "maxLength", 32),
        constraint("StartListening", "UserId", "maxLength", 32));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void agentUserIdAllows32Characters(Side side) throws Exception {
    check(side,
        constraint("CreateAgentInstance", "RTC.AgentUserId", "maxLength", 32));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void roomIdAndStreamIdsAllow128Characters(Side side) throws Exception {
    check(side,
        constraint("CreateAgentInstance", "RTC.RoomId", "maxLength", 128),
        constraint("CreateAgentInstance", "RTC.AgentStreamId", "maxLength", 128),
        constraint("CreateAgentInstance", "RTC.UserStreamId", "maxLength", 128));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void messageHistoryAllows100Messages(Side side) throws Exception {
    check(side,
        constraint("CreateAgentInstance", "MessageHistory.Messages", "maxItems", 100));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void windowSizeRangeIs0To500(Side side) throws Exception {
    check(side,
        constraint("CreateAgentInstance", "MessageHistory.WindowSize", "minimum", 0),
        constraint("CreateAgentInstance", "MessageHistory.WindowSize", "maximum", 500));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Side.class)
  void listAgentsLimitRangeIs0To10(Side side) throws Exception {
    check(side,
        constraint("ListAgents", "Limit", "minimum", 0),
        constraint("ListAgents", "Limit", "maximum", 10));
  }
}
