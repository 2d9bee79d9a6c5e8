package io.github.zegoaiagent.spring.metrics;

import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes every call and every attempt of the client a Micrometer {@link Observation}, so Spring
 * Boot's Actuator records timers and, with tracing, spans (an attempt is a child of its call, a
 * call a child of the observation current when it started, such as the HTTP request being served):
 *
 * <ul>
 *   <li>{@value #CALL}: one per call, retries included; low-cardinality tags {@code action},
 *       {@code outcome} (success, failure), {@code code} (the envelope's Code or {@code none}),
 *       {@code attempts} (0 when local validation refused the call);</li>
 *   <li>{@value #ATTEMPT}: one per attempt; {@code action}, {@code outcome}, {@code code},
 *       {@code retried} (whether another attempt follows).</li>
 * </ul>
 *
 * Failures are set as the observation's error (Actuator's timers add the {@code error} tag).
 * Tag values come from fixed sets (the 19 actions, the documented codes), never from request data;
 * the RequestId is a high-cardinality value (spans only). Without a registry nothing is recorded.
 *
 * <p>The client reports an attempt's start and end as separate events without a call identity:
 * an end is matched with the start of the same action and attempt made on the same thread (every
 * synchronous call), else with the oldest such start (asynchronous calls end on another thread;
 * concurrent asynchronous calls of one action may then swap their durations, never their
 * counts). At most {@value #MAX_OPEN} starts wait per action; older ones are stopped with the
 * outcome {@code abandoned}.
 */
public final class ObservationCallListener implements CallListener {

  /** Name of the observation (and timer) of a whole call. */
  public static final String CALL = "zego.aiagent.call";
  /** Name of the observation (and timer) of one attempt. */
  public static final String ATTEMPT = "zego.aiagent.call.attempt";
  /** Starts waiting for their end, at most, per action. */
  static final int MAX_OPEN = 1_000;

  private record Open(Thread thread, int attempt, Observation call, Observation observation) { }

  private final Supplier<ObservationRegistry> registry;
  /** Attempts started and not ended, per action, oldest first (guarded by this). */
  private final Map<String, Deque<Open>> open = new HashMap<>();
  /** Calls between a failed attempt and the next, per action, oldest first (guarded by this). */
  private final Map<String, Deque<Observation>> retrying = new HashMap<>();

  /** @param registry where observations go (looked up per call; NOOP records nothing) */
  public ObservationCallListener(Supplier<ObservationRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void onAttempt(String action, int attempt) {
    ObservationRegistry r = registry.get();
    if (r == null || r.isNoop()) {
      return;
    }
    Observation call = attempt > 1 ? takeRetrying(action) : null;
    if (call == null) {
      call = Observation.createNotStarted(CALL, r)
          .contextualName("zego " + action)
          .lowCardinalityKeyValue("action", action)
          .parentObservation(r.getCurrentObservation())
          .start();
    }
    Observation observation = Observation.createNotStarted(ATTEMPT, r)
        .contextualName("zego " + action + " attempt " + attempt)
        .lowCardinalityKeyValue("action", action)
        .highCardinalityKeyValue("attempt", Integer.toString(attempt))
        .parentObservation(call)
        .start();
    Open abandoned = null;
    synchronized (this) {
      Deque<Open> q = open.computeIfAbsent(action, k -> new ArrayDeque<>());
      q.addLast(new Open(Thread.currentThread(), attempt, call, observation));
      if (q.size() > MAX_OPEN) {
        abandoned = q.pollFirst();
      }
    }
    if (abandoned != null) {
      stop(abandoned.observation(), "abandoned", "none").lowCardinalityKeyValue("retried", "false").stop();
      stop(abandoned.call(), "abandoned", "none").lowCardinalityKeyValue("attempts", Integer.toString(abandoned.attempt())).stop();
    }
  }

  @Override
  public void onSuccess(CallEvent e) {
    end(e, "success");
  }

  @Override
  public void onFailure(CallEvent e) {
    if (e.attempt() == 0) { // refused by local validation: a call without attempts
      ObservationRegistry r = registry.get();
      if (r != null && !r.isNoop()) {
        Observation call = Observation.createNotStarted(CALL, r)
            .contextualName("zego " + e.action())
            .lowCardinalityKeyValue("action", e.action())
            .parentObservation(r.getCurrentObservation())
            .start();
        call.error(e.failure());
        stop(call, "failure", "none").lowCardinalityKeyValue("attempts", "0").stop();
      }
      return;
    }
    end(e, "failure");
  }

  private void end(CallEvent e, String outcome) {
    Open o = take(e.action(), e.attempt());
    if (o == null) {
      return; // started before a registry existed, or abandoned
    }
    String code = code(e);
    if (e.failure() != null) {
      o.observation().error(e.failure());
    }
    if (e.requestId() != null) {
      o.observation().highCardinalityKeyValue("request.id", e.requestId());
    }
    stop(o.observation(), outcome, code).lowCardinalityKeyValue("retried", Boolean.toString(e.willRetry())).stop();
    if (e.willRetry()) {
      Observation dropped = null;
      synchronized (this) {
        Deque<Observation> q = retrying.computeIfAbsent(e.action(), k -> new ArrayDeque<>());
        q.addLast(o.call());
        if (q.size() > MAX_OPEN) {
          dropped = q.pollFirst();
        }
      }
      if (dropped != null) {
        stop(dropped, "abandoned", "none").lowCardinalityKeyValue("attempts", "0").stop();
      }
      return;
    }
    if (e.failure() != null) {
      o.call().error(e.failure());
    }
    stop(o.call(), outcome, code).lowCardinalityKeyValue("attempts", Integer.toString(e.attempt())).stop();
  }

  private static Observation stop(Observation o, String outcome, String code) {
    return o.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("code", code);
  }

  private static String code(CallEvent e) {
    Integer code = e.code();
    if (code == null && e.failure() instanceof ZegoApiException api) {
      code = api.code();
    }
    return code == null ? "none" : Integer.toString(code);
  }

  /** The open attempt this end belongs to: same thread first, else the oldest of that attempt number. */
  private synchronized Open take(String action, int attempt) {
    Deque<Open> q = open.get(action);
    if (q == null) {
      return null;
    }
    Open found = null;
    Thread me = Thread.currentThread();
    for (Open o : q) {
      if (o.attempt() == attempt && o.thread() == me) {
        found = o;
        break;
      }
    }
    if (found == null) {
      for (Iterator<Open> it = q.iterator(); it.hasNext(); ) {
        Open o = it.next();
        if (o.attempt() == attempt) {
          found = o;
          break;
        }
      }
    }
    if (found != null) {
      q.remove(found);
      if (q.isEmpty()) {
        open.remove(action);
      }
    }
    return found;
  }

  private synchronized Observation takeRetrying(String action) {
    Deque<Observation> q = retrying.get(action);
    if (q == null) {
      return null;
    }
    Observation call = q.pollFirst();
    if (q.isEmpty()) {
      retrying.remove(action);
    }
    return call;
  }

  /** @return attempts started and not yet ended (for tests) */
  synchronized int openAttempts() {
    return open.values().stream().mapToInt(Deque::size).sum();
  }

  @Override
  public String toString() {
    return "ObservationCallListener[" + CALL + ", " + ATTEMPT + "]";
  }
}
