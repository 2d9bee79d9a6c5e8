package io.github.zegoaiagent.spring.metrics;

import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Times every attempt of every call as {@code zego.aiagent.calls} with the tags {@code action},
 * {@code outcome} (success, failure), {@code code} (the envelope's Code, or "none" without one),
 * {@code exception} (simple class name, or "none") and {@code retried} (whether another attempt
 * follows). Tag values come from a small set (19 actions, the documented codes), never from
 * request data. The registry is looked up on first use, so it may be created after the client.
 */
public final class MicrometerCallListener implements CallListener {

  /** Name of the timer. */
  public static final String METER = "zego.aiagent.calls";

  private final Supplier<MeterRegistry> registry;

  /** @param registry the registry, or a supplier of null when there is none */
  public MicrometerCallListener(Supplier<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void onSuccess(CallEvent e) {
    record(e, "success");
  }

  @Override
  public void onFailure(CallEvent e) {
    record(e, "failure");
  }

  private void record(CallEvent e, String outcome) {
    MeterRegistry r = registry.get();
    if (r == null) {
      return;
    }
    Integer code = e.code();
    if (code == null && e.failure() instanceof ZegoApiException api) {
      code = api.code();
    }
    Timer.builder(METER)
        .description("Attempts of ZEGOCLOUD AI Agent API calls")
        .tag("action", e.action())
        .tag("outcome", outcome)
        .tag("code", code == null ? "none" : Integer.toString(code))
        .tag("exception", e.failure() == null ? "none" : e.failure().getClass().getSimpleName())
        .tag("retried", Boolean.toString(e.willRetry()))
        .register(r)
        .record(e.duration());
  }

  @Override
  public String toString() {
    return "MicrometerCallListener[" + METER + "]";
  }
}
