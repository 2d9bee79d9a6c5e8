package io.github.zegoaiagent.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.CallOptions;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoRateLimitException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.model.Fault;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-call options, listener events, a supplied HttpClient and call-by-name, against the mock. */
@Timeout(60)
class OptionsAndListenerEndToEndTest {

  static MockServer mock;
  static ZegoAiAgentClient client;
  static final RecordingListener listener = new RecordingListener();

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
    client = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret()).endpoint(mock.baseUrl())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(20)).build())
        .listener(listener).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  @BeforeEach
  void clear() {
    mock.reset(); // journal, faults and state
    listener.lines.clear();
    listener.events.clear();
  }

  /** The contract's retryable rate-limit code (from x-zego-return-codes, not restated here). */
  private static int rateLimitCode() {
    return java.util.Arrays.stream(io.github.zegoaiagent.client.generated.ReturnCode.values())
        .filter(rc -> "rate-limit".equals(rc.category()) && rc.retryable()).findFirst().orElseThrow().code();
  }

  @Test
  void aRetryableCodeIsRetriedAndTheListenerSeesEachAttempt() {
    mock.addFault(new Fault().action("ListAgents").count(1).code(rateLimitCode()));
    ListAgentsResponse answer = client.agents().listAgents(new ListAgentsRequest());

    assertThat(answer.getCode()).isZero();
    assertThat(listener.lines).containsExactly("attempt ListAgents 1", "failure ListAgents 1 retry",
        "attempt ListAgents 2", "success ListAgents 2");
    CallEvent failed = listener.events.get(0);
    assertThat(failed.code()).isEqualTo(rateLimitCode());
    assertThat(failed.httpStatus()).isEqualTo(200);
    assertThat(failed.requestId()).isNotBlank();
    assertThat(failed.failure()).isInstanceOf(ZegoRateLimitException.class);
    CallEvent ok = listener.events.get(1);
    assertThat(ok.code()).isZero();
    assertThat(ok.requestId()).isEqualTo(answer.getRequestId());
    assertThat(ok.attempt()).isEqualTo(2);
    assertThat(ok.duration()).isPositive();
    for (CallEvent e : listener.events) {
      assertThat(e.toString()).doesNotContain(mock.serverSecret()).doesNotContain("Signature=");
    }
  }

  @Test
  void anAsyncRetryWaitsOnATimerNotOnTheSleeperAndSignsAfresh() {
    // QueryAgents: no other test here calls it, so a late answer of another test cannot show up.
    mock.addFault(new Fault().action("QueryAgents").count(2).code(rateLimitCode()));
    List<java.time.Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ZegoAiAgentClient c = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).sleeper(sleeps::add).listener(listener)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(50)).build()).build()) {
      assertThat(c.async().agents().queryAgents(new QueryAgentsRequest().agentIds(List.of("nobody"))).join().getCode())
          .isZero();
    }
    assertThat(sleeps).as("the async client never blocks a thread to wait").isEmpty();
    assertThat(listener.lines).containsExactly("attempt QueryAgents 1", "failure QueryAgents 1 retry",
        "attempt QueryAgents 2", "failure QueryAgents 2 retry", "attempt QueryAgents 3", "success QueryAgents 3");
    assertThat(mock.journal().stream().filter(e -> "QueryAgents".equals(e.getAction())).map(e -> e.getQuery()).distinct()
        .count()).as("a fresh signature per attempt").isEqualTo(3);
  }

  @Test
  void aPerCallRetryPolicyOverridesTheClients() {
    mock.addFault(new Fault().action("ListAgents").count(1).code(rateLimitCode()));
    ZegoAiAgentClient noRetry = client.withOptions(CallOptions.builder().retryPolicy(RetryPolicy.none()).build());

    ZegoRateLimitException e = catchThrowableOfType(ZegoRateLimitException.class,
        () -> noRetry.agents().listAgents(new ListAgentsRequest()));
    assertThat(e.requestId()).isNotBlank();
    assertThat(listener.lines).containsExactly("attempt ListAgents 1", "failure ListAgents 1");
    assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).as("the client keeps its own").isZero();
  }

  @Test
  void aPerCallTimeoutEndsASlowAnswerOnlyForThatView() {
    mock.addFault(new Fault().action("ListAgents").count(1).delayMillis((Duration.ofMillis(1500)).toMillis()));
    ZegoAiAgentClient hurried = client.withOptions(CallOptions.builder().timeout(Duration.ofMillis(300)).build());

    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class,
        () -> hurried.agents().listAgents(new ListAgentsRequest()));
    assertThat(e.reason()).isEqualTo(ZegoTransportException.Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("within 300 ms");
    assertThat(listener.lines).as("a timeout is not retried").containsExactly("attempt ListAgents 1", "failure ListAgents 1");

    mock.addFault(new Fault().action("ListAgents").count(1).delayMillis((Duration.ofMillis(500)).toMillis()));
    assertThat(client.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();
  }

  @Test
  void asyncViewsTakeOptionsToo() {
    mock.addFault(new Fault().action("ListAgents").count(1).delayMillis((Duration.ofMillis(1500)).toMillis()));
    CompletionException e = catchThrowableOfType(CompletionException.class, () -> client.async()
        .withOptions(CallOptions.builder().timeout(Duration.ofMillis(300)).build())
        .agents().listAgents(new ListAgentsRequest()).join());
    assertThat(e.getCause()).isInstanceOfSatisfying(ZegoTransportException.class,
        t -> assertThat(t.reason()).isEqualTo(ZegoTransportException.Reason.TIMEOUT));
  }

  @Test
  void aSuppliedHttpClientAndItsExecutorCarryTheCalls() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger tasks = new AtomicInteger();
    Executor counting = task -> {
      tasks.incrementAndGet();
      pool.execute(task);
    };
    try (ZegoAiAgentClient own = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl())
        .httpClient(HttpClient.newBuilder().executor(counting).version(HttpClient.Version.HTTP_1_1).build())
        .build()) {
      assertThat(own.async().agents().listAgents(new ListAgentsRequest()).get().getCode()).isZero();
      assertThat(own.agents().listAgents(new ListAgentsRequest()).getCode()).isZero();
      assertThat(tasks.get()).as("the supplied client's executor ran the exchanges").isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyActionOfTheCatalogCanBeCalledByName() {
    List<String> unknown = ActionCatalog.ACTIONS.stream().map(ActionCatalog.Entry::action)
        .filter(a -> {
          try {
            client.withOptions(CallOptions.builder().retryPolicy(RetryPolicy.none()).build()).call(a, null);
            return true;
          } catch (io.github.zegoaiagent.client.error.ZegoValidationException expected) {
            return !expected.action().equals(a); // a known action: validation refused the missing body
          }
        }).toList();
    assertThat(unknown).isEmpty();
    assertThat(client.call("ListAgents", new ListAgentsRequest())).isInstanceOf(ListAgentsResponse.class);
  }
}
