package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.validate.Violation;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.spec.Constraint;
import io.github.zegoaiagent.conformance.spec.Constraints;
import io.github.zegoaiagent.conformance.spec.Requests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every constraint of every request schema, derived from the contract (no number is restated
 * here): an at-limit request must be accepted and a just-over one refused, by the target with
 * 410000003 naming the field, and by the client locally without any HTTP call.
 */
@ExtendWith(ReportExtension.class)
class LimitsIT {

  static final Requests REQUESTS = new Requests(SPEC);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final int INVALID_PARAMETER = 410000003;

  /** A client whose every call that passes validation fails to connect: proof that nothing was sent. */
  static ZegoAiAgentClient offline;

  @BeforeAll
  static void offlineClient() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    offline = ZegoAiAgentClient.builder().appId(1).serverSecret("not-used").endpoint(URI.create("http://127.0.0.1:" + closedPort))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterAll
  static void close() {
    offline.close();
  }

  static Stream<Constraint> constraints() {
    return new Constraints(SPEC).all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constraints")
  void targetAcceptsAtLimitAndRefusesJustOver(Constraint c) {
    Report.cover(c.action(), "limits");
    checkTarget(c);
  }

  /** Shared with {@link HeadlineLimitsIT}. */
  static void checkTarget(Constraint c) {
    assumeTrue(TARGET.isMock() || !c.assumed(), "x-zego-assumed constraint: not held against the live service");
    assumeTrue(Suite.mayChange(c.action()), Suite.billableReason(c.action()));
    ObjectNode atLimit = REQUESTS.atLimit(c);
    Answer at = RAW.post(c.action(), atLimit);
    assertThat(at.code()).as("%s at the limit must be accepted, was %s\n  request: %s", c, at, atLimit)
        .isNotEqualTo(INVALID_PARAMETER);
    assertThat(SPEC.layerOf(at.code())).as("%s at the limit: gateway refusal %s", c, at).isNotEqualTo("gateway");
    cleanUp(c.action(), atLimit, at);
    ObjectNode overLimit = REQUESTS.overLimit(c);
    Answer over = RAW.post(c.action(), overLimit);
    assertThat(over.code()).as("%s just over the limit must be refused with 410000003, was %s\n  request: %s", c, over, overLimit)
        .isEqualTo(INVALID_PARAMETER);
    assertThat(over.message()).as("the Message of %s names the field", c).contains(c.field());
  }

  /** Deletes what an accepted request created, so no limit of the target fills up (shared with RealClientsIT). */
  static void cleanUp(String action, ObjectNode request, Answer answer) {
    if (answer.code() != 0) {
      return;
    }
    String instance = answer.data().path("AgentInstanceId").asText("");
    if (!instance.isEmpty()) {
      RAW.post("DeleteAgentInstance", MAPPER.createObjectNode().put("AgentInstanceId", instance));
    }
    if (action.equals("RegisterAgent")) {
      RAW.post("UnregisterAgent", MAPPER.createObjectNode().put("AgentId", request.path("AgentId").asText()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constraints")
  void clientAcceptsAtLimitAndRefusesJustOverLocally(Constraint c) throws Exception {
    Report.cover(c.action(), "client-limits");
    checkClient(c);
  }

  /** Shared with {@link HeadlineLimitsIT}. */
  static void checkClient(Constraint c) throws Exception {
    Class<?> type = ActionCatalog.ACTIONS.stream().filter(e -> e.action().equals(c.action())).findFirst()
        .orElseThrow().requestType();
    Object at = MAPPER.treeToValue(REQUESTS.atLimit(c), type);
    Throwable sent = catchAny(() -> offline.call(c.action(), at));
    assertThat(sent).as("%s at the limit must pass local validation", c).isInstanceOf(ZegoTransportException.class);

    // Enums are open (ADR 0004): a value outside the enum builds, and local validation refuses it.
    Object request = MAPPER.treeToValue(REQUESTS.overLimit(c), type);
    Throwable refused = catchAny(() -> offline.call(c.action(), request));
    assertThat(refused).as("%s just over the limit must be refused locally", c).isInstanceOf(ZegoValidationException.class);
    assertThat(((ZegoValidationException) refused).violations()).extracting(Violation::path).contains(c.jsonPath());
  }

  private static Throwable catchAny(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
