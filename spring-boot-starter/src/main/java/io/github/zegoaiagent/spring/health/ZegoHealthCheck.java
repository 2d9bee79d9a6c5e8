package io.github.zegoaiagent.spring.health;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoAuthenticationException;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the "zegoAiAgent" health contributor reports, independent of the Spring Boot version. It is
 * honest about what it knows: it listens to every attempt of the client and reports the latest
 * outcome, and (only with {@code zego.aiagent.health.probe=true}) calls ListAgents with Limit 1
 * when that outcome is older than the probe interval.
 *
 * <ul>
 *   <li>UNKNOWN: no call has completed yet and no probe ran; the details say so.</li>
 *   <li>UP: the service answered the latest attempt (success, or a business error such as
 *       "instance not found", which still proves reachability and credentials).</li>
 *   <li>DOWN: the latest attempt was refused for its credentials (authentication codes) or got no
 *       valid answer (transport failure).</li>
 * </ul>
 *
 * Validation failures (refused locally, nothing sent) do not count. Details never carry the secret.
 */
public final class ZegoHealthCheck implements CallListener {

  /** Health status, mapped to the Boot version's own Status. */
  public enum State { UP, DOWN, UNKNOWN }

  /** A report. @param state the status @param details what was checked and seen */
  public record Report(State state, Map<String, Object> details) { }

  private record Outcome(Instant at, String action, State state, String detail) { }

  private final Supplier<ZegoAiAgentClient> client;
  private final long appId;
  private final String endpoint;
  private final boolean probe;
  private final Duration probeInterval;
  private final Clock clock;
  private volatile Outcome latest;
  private volatile Instant lastSuccess;

  /**
   * @param client the client (looked up when probing)
   * @param appId the AppID
   * @param endpoint the base URL, for the details
   * @param probe whether to call ListAgents when the latest outcome is older than probeInterval
   * @param probeInterval see above
   * @param clock the clock
   */
  public ZegoHealthCheck(Supplier<ZegoAiAgentClient> client, long appId, String endpoint, boolean probe,
      Duration probeInterval, Clock clock) {
    this.client = client;
    this.appId = appId;
    this.endpoint = endpoint;
    this.probe = probe;
    this.probeInterval = probeInterval;
    this.clock = clock;
  }

  @Override
  public void onSuccess(CallEvent e) {
    Instant now = clock.instant();
    lastSuccess = now;
    latest = new Outcome(now, e.action(), State.UP, "answered");
  }

  @Override
  public void onFailure(CallEvent e) {
    if (e.attempt() == 0) {
      return; // refused locally: says nothing about the service
    }
    latest = classify(e.action(), e.failure());
  }

  private Outcome classify(String action, ZegoException failure) {
    Instant now = clock.instant();
    if (failure instanceof ZegoAuthenticationException a) {
      return new Outcome(now, action, State.DOWN, "credentials refused: Code " + a.code());
    }
    if (failure instanceof ZegoApiException a) {
      return new Outcome(now, action, State.UP, "answered with Code " + a.code());
    }
    if (failure instanceof ZegoTransportException t) {
      return new Outcome(now, action, State.DOWN, "no valid answer: " + t.getClass().getSimpleName()
          + (t.httpStatus() > 0 ? " HTTP " + t.httpStatus() : ""));
    }
    return new Outcome(now, action, State.DOWN, failure.getClass().getSimpleName());
  }

  /** @return the current report, probing first when enabled and due */
  public Report report() {
    Outcome o = latest;
    if (probe && (o == null || o.at().isBefore(clock.instant().minus(probeInterval)))) {
      try {
        client.get().agents().listAgents(new ListAgentsRequest().limit(1));
      } catch (ZegoException e) {
        // The listener recorded the outcome (or, for a local refusal, nothing).
        if (latest == o) {
          latest = classify("ListAgents", e);
        }
      }
      o = latest;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("appId", appId);
    details.put("endpoint", endpoint);
    details.put("checks", probe
        ? "latest call outcome; ListAgents (Limit 1) when it is older than " + probeInterval.toSeconds() + " s"
        : "latest call outcome only (zego.aiagent.health.probe=true adds a ListAgents probe)");
    if (o == null) {
      details.put("latest", "no call yet");
      return new Report(State.UNKNOWN, details);
    }
    details.put("latest", o.action() + " " + o.detail() + " at " + o.at());
    if (lastSuccess != null) {
      details.put("lastSuccess", lastSuccess.toString());
    }
    return new Report(o.state(), details);
  }

  @Override
  public String toString() {
    return "ZegoHealthCheck[appId=" + appId + ", probe=" + probe + "]";
  }
}
