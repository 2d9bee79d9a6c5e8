package io.github.zegoaiagent.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.values.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call and every attempt of a real client against the mock is an observation, with its tags and parent. */
class ObservationCallListenerTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().credential(1234567890L, SECRET).qpsLimit(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  /** Keeps every stopped observation's context. */
  static final class Recorder implements ObservationHandler<Observation.Context> {
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    List<Observation.Context> named(String name) {
      List<Observation.Context> out = new ArrayList<>();
      stopped.stream().filter(c -> c.getName().equals(name)).forEach(out::add);
      return out;
    }
  }

  final Recorder recorder = new Recorder();
  final MeterRegistry meters = new SimpleMeterRegistry();
  final ObservationRegistry registry = ObservationRegistry.create();
  ObservationCallListener listener;
  ZegoAiAgentClient client;

  @BeforeEach
  void client() {
    mock.reset();
    registry.observationConfig().observationHandler(recorder).observationHandler(new DefaultMeterObservationHandler(meters));
    listener = new ObservationCallListener(() -> registry);
    client = ZegoAiAgentClient.builder().appId(1234567890L).serverSecret(SECRET).endpoint(mock.baseUrl())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
        .listener(listener).build();
  }

  static String tag(Observation.Context c, String key) {
    return c.getLowCardinalityKeyValue(key) == null ? null : c.getLowCardinalityKeyValue(key).getValue();
  }

  @Test
  void aCallThatSucceedsAfterARetryIsOneCallOfTwoAttemptsUnderTheCurrentObservation() {
    mock.injectFault(Fault.code("ListAgents", 1, 100000015)); // retryable: the gateway did nothing
    Observation outer = Observation.start("request", registry);
    try (Observation.Scope s = outer.openScope()) {
      client.agents().listAgents(new ListAgentsRequest().limit(1));
    }
    outer.stop();

    List<Observation.Context> attempts = recorder.named(ObservationCallListener.ATTEMPT);
    assertThat(attempts).hasSize(2);
    assertThat(tag(attempts.get(0), "outcome")).isEqualTo("failure");
    assertThat(tag(attempts.get(0), "code")).isEqualTo("100000015");
    assertThat(tag(attempts.get(0), "retried")).isEqualTo("true");
    assertThat(attempts.get(0).getError()).isNotNull();
    assertThat(tag(attempts.get(1), "outcome")).isEqualTo("success");
    assertThat(tag(attempts.get(1), "code")).isEqualTo("0");
    assertThat(attempts.get(1).getHighCardinalityKeyValue("request.id")).isNotNull();

    List<Observation.Context> calls = recorder.named(ObservationCallListener.CALL);
    assertThat(calls).hasSize(1);
    Observation.Context call = calls.get(0);
    assertThat(tag(call, "action")).isEqualTo("ListAgents");
    assertThat(tag(call, "outcome")).isEqualTo("success");
    assertThat(tag(call, "attempts")).isEqualTo("2");
    assertThat(call.getParentObservation().getContextView().getName()).isEqualTo("request");
    assertThat(attempts).allSatisfy(a -> assertThat(a.getParentObservation().getContextView()).isSameAs(call));

    // Actuator's meter handler makes the timers, with the same low-cardinality tags plus error.
    assertThat(meters.get(ObservationCallListener.CALL).tag("action", "ListAgents").tag("attempts", "2").timer().count()).isEqualTo(1);
    assertThat(meters.get(ObservationCallListener.ATTEMPT).tag("retried", "true")
        .tag("error", attempts.get(0).getError().getClass().getSimpleName()).timer().count())
        .isEqualTo(1);
    assertThat(listener.openAttempts()).isZero();
  }

  @Test
  void aCallRefusedByValidationIsACallWithoutAttempts() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> client.agents().listAgents(new ListAgentsRequest().limit(-5)));
    assertThat(t).isInstanceOf(ZegoValidationException.class);
    assertThat(recorder.named(ObservationCallListener.ATTEMPT)).isEmpty();
    Observation.Context call = recorder.named(ObservationCallListener.CALL).get(0);
    assertThat(tag(call, "attempts")).isEqualTo("0");
    assertThat(tag(call, "outcome")).isEqualTo("failure");
    assertThat(tag(call, "code")).isEqualTo("none");
  }

  @Test
  void concurrentAsyncCallsAllEndTheirObservations() {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(client.async().agents().listAgents(new ListAgentsRequest().limit(1)));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    assertThat(recorder.named(ObservationCallListener.CALL)).hasSize(40)
        .allSatisfy(c -> assertThat(tag(c, "outcome")).isEqualTo("success"));
    assertThat(recorder.named(ObservationCallListener.ATTEMPT)).hasSize(40);
    assertThat(listener.openAttempts()).isZero();
  }

  @Test
  void withoutARegistryNothingIsObservedOrKept() {
    ObservationCallListener none = new ObservationCallListener(() -> ObservationRegistry.NOOP);
    try (ZegoAiAgentClient c = ZegoAiAgentClient.builder().appId(1234567890L).serverSecret(SECRET).endpoint(mock.baseUrl())
        .listener(none).build()) {
      c.agents().listAgents(new ListAgentsRequest().limit(1));
    }
    assertThat(none.openAttempts()).isZero();
    assertThat(recorder.stopped).isEmpty();
  }
}
