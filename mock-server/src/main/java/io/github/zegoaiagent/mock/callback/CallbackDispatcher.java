package io.github.zegoaiagent.mock.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.state.InstanceState;
import io.github.zegoaiagent.mock.state.MockClock;
import io.github.zegoaiagent.mock.state.ProcessSequence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds callback events, remembers the latest ones and, with a callback URL, delivers them as
 * signed POSTs (reference §8): any 2xx acknowledges; otherwise it retries after each configured
 * delay, then drops the event.
 *
 * <p>Deliveries wait in a bounded queue: when it is full, new events are dropped (and counted)
 * rather than growing memory. One worker thread sends; retries are scheduled, so a failing
 * receiver never blocks the simulation. Signing happens per attempt with the attempt's
 * Timestamp and Nonce; the secret never leaves this class.
 */
public final class CallbackDispatcher implements EventSink, AutoCloseable {
  private final ObjectMapper mapper;
  private final MockClock clock;
  private final URI url;
  private final String secret;
  private final List<Duration> retryDelays;
  private final Duration timeout;
  private final int queueCapacity;
  private final int recordCapacity;
  private final AtomicLong sequence = new AtomicLong(1_000_000);
  private final Deque<ObjectNode> recorded = new ArrayDeque<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ScheduledExecutorService sender;
  private final HttpClient http;

  /**
   * @param mapper JSON mapper
   * @param clock simulation clock (for Timestamp)
   * @param url callback URL, or null to only record
   * @param secret callback secret
   * @param retryDelays delay before each retry
   * @param timeout per-attempt timeout
   * @param queueCapacity deliveries waiting at most
   * @param recordCapacity events remembered for inspection
   */
  public CallbackDispatcher(ObjectMapper mapper, MockClock clock, URI url, String secret,
      List<Duration> retryDelays, Duration timeout, int queueCapacity, int recordCapacity) {
    this.mapper = mapper;
    this.clock = clock;
    this.url = url;
    this.secret = secret;
    this.retryDelays = List.copyOf(retryDelays);
    this.timeout = timeout;
    this.queueCapacity = queueCapacity;
    this.recordCapacity = recordCapacity;
    if (url != null) {
      this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zego-mock-callbacks");
        t.setDaemon(true);
        return t;
      });
      this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    } else {
      this.sender = null;
      this.http = null;
    }
  }

  @Override
  public void emit(InstanceState inst, String event, ObjectNode data) {
    ObjectNode e = mapper.createObjectNode();
    e.put("AppId", inst.appId);
    e.put("Event", event);
    e.put("AgentInstanceId", inst.id);
    if (inst.agentUserId != null) {
      e.put("AgentUserId", inst.agentUserId);
    }
    e.put("AgentId", inst.agentId);
    if (inst.agentName != null) {
      e.put("Name", inst.agentName);
    }
    if (inst.roomId != null) {
      e.put("RoomId", inst.roomId);
    }
    e.put("Sequence", sequence.incrementAndGet());
    e.set("Data", data);
    synchronized (recorded) {
      if (recorded.size() == recordCapacity) {
        recorded.removeFirst();
      }
      recorded.addLast(e.deepCopy());
    }
    if (sender == null) {
      return;
    }
    if (pending.incrementAndGet() > queueCapacity) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    try {
      sender.execute(() -> attempt(e, 0));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
    }
  }

  private void attempt(ObjectNode event, int attempt) {
    boolean ok = false;
    try {
      ObjectNode signed = event.deepCopy();
      String ts = Long.toString(clock.millis());
      String nonce = ProcessSequence.CALLBACK_NONCES.next(); // random start per JVM, never reused
      signed.put("Nonce", nonce);
      signed.put("Timestamp", Long.parseLong(ts));
      signed.put("Signature", CallbackSigner.sign(secret, ts, nonce));
      HttpRequest req = HttpRequest.newBuilder(url)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(signed)))
          .build();
      HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
      ok = res.statusCode() / 100 == 2;
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } catch (Exception ex) {
      ok = false; // connection refused, timeout, ...: counts as a failed attempt
    }
    if (ok) {
      delivered.incrementAndGet();
      pending.decrementAndGet();
      return;
    }
    failedAttempts.incrementAndGet();
    if (attempt < retryDelays.size()) {
      try {
        sender.schedule(() -> attempt(event, attempt + 1),
            retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // shutting down
      }
    }
    dropped.incrementAndGet();
    pending.decrementAndGet();
  }

  /** @return the latest events (unsigned), oldest first */
  public List<JsonNode> recorded() {
    synchronized (recorded) {
      List<JsonNode> out = new ArrayList<>();
      recorded.forEach(e -> out.add(e.deepCopy()));
      return out;
    }
  }

  /** Forgets recorded events (deliveries in flight go on). */
  public void clearRecorded() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** @return events acknowledged with a 2xx */
  public long delivered() {
    return delivered.get();
  }

  /** @return attempts that failed */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** @return events given up on or not queued */
  public long dropped() {
    return dropped.get();
  }

  /** @return events queued or being retried */
  public int pending() {
    return pending.get();
  }

  /** Stops delivering; waits briefly for the send in progress. */
  @Override
  public void close() {
    if (sender != null) {
      sender.shutdownNow();
      try {
        sender.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
