package io.github.zegoaiagent.mock.internal.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.generated.model.CallbackEnvelope;
import io.github.zegoaiagent.mock.internal.state.ClockTimer;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.internal.state.ProcessSequence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds callback events, remembers the latest ones and, with a callback URL, delivers them as
 * signed POSTs (reference §8): any 2xx acknowledges; otherwise it retries after each configured
 * delay, then drops the event.
 *
 * <p>Retries wait on the simulation clock ({@link ClockTimer}): with a fixed clock a test sees
 * each retry by advancing the clock, nothing waits on the wall clock. Deliveries run in parallel,
 * at most {@code parallelism} at once, each bounded by {@code timeout} for the whole exchange
 * (asynchronous HTTP: no thread waits for a receiver), so one slow or hung receiver request
 * holds one slot, not the queue. Waiting deliveries are bounded: when {@code queueCapacity} are
 * pending, new events are dropped (and counted) rather than growing memory. Signing happens per
 * attempt with the attempt's Timestamp and Nonce; the secret never leaves this class.
 */
public final class CallbackDispatcher implements EventSink, AutoCloseable {
  /** Deliveries in flight at most, by default. */
  public static final int DEFAULT_PARALLELISM = 16;

  private final ObjectMapper mapper;
  private final MockClock clock;
  private final ClockTimer timer;
  /** Where deliveries go and what signs them; changeable at run time ({@link #retarget}). */
  private volatile Target target;
  private final List<Duration> retryDelays;
  private final Duration timeout;
  private final int queueCapacity;
  private final int recordCapacity;
  private final int parallelism;
  private final AtomicLong sequence = new AtomicLong(1_000_000);
  private final Deque<ObjectNode> recorded = new ArrayDeque<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  /** Attempts due now, waiting for a free slot (guarded by this). */
  private final ArrayDeque<Attempt> ready = new ArrayDeque<>();
  private int inFlight;
  private volatile boolean closed;
  /** Created with the first URL (none while callbacks are only recorded); guarded by this. */
  private HttpClient http;
  private final DeliveryListener listener;

  private record Attempt(ObjectNode event, int number) { }

  /** @param url where to POST, or null to only record @param secret the signing secret */
  private record Target(URI url, String secret) { }

  /**
   * @param mapper JSON mapper
   * @param timer the simulation clock's timer (Timestamp and retry delays)
   * @param url callback URL, or null to only record
   * @param secret callback secret
   * @param retryDelays delay before each retry
   * @param timeout per-attempt timeout (whole exchange)
   * @param queueCapacity deliveries waiting at most
   * @param recordCapacity events remembered for inspection
   * @param parallelism deliveries in flight at most
   */
  public CallbackDispatcher(ObjectMapper mapper, ClockTimer timer, URI url, String secret,
      List<Duration> retryDelays, Duration timeout, int queueCapacity, int recordCapacity,
      int parallelism) {
    this(mapper, timer, url, secret, retryDelays, timeout, queueCapacity, recordCapacity, parallelism,
        DeliveryListener.NONE);
  }

  /**
   * As the constructor above, with a listener told what becomes of each event.
   *
   * @param listener told of every event produced or switched off and every attempt
   */
  public CallbackDispatcher(ObjectMapper mapper, ClockTimer timer, URI url, String secret,
      List<Duration> retryDelays, Duration timeout, int queueCapacity, int recordCapacity,
      int parallelism, DeliveryListener listener) {
    this.listener = listener;
    // Exact decimals in the event tree: the default node factory strips trailing zeros, so a
    // LatencyData.LLMTPS of 20.0 went out as 2E+1 (valid JSON, but no receiver expects it).
    this.mapper = mapper.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    this.timer = timer;
    this.clock = timer.clock();
    this.target = new Target(url, secret);
    this.retryDelays = List.copyOf(retryDelays);
    this.timeout = timeout;
    this.queueCapacity = queueCapacity;
    this.recordCapacity = recordCapacity;
    this.parallelism = Math.max(1, parallelism);
    if (url != null) {
      this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
  }

  /**
   * Changes where deliveries go and the secret they are signed with, from the next attempt on
   * (queued deliveries and retries included).
   *
   * @param url where to POST from now on, or null to only record (what waits is given up)
   * @param secret the signing secret from now on, or null to keep the current one
   */
  public void retarget(URI url, String secret) {
    List<Attempt> given = new ArrayList<>();
    synchronized (this) {
      if (url != null && http == null) {
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
      }
      target = new Target(url, secret == null ? target.secret() : secret);
      if (url == null) { // nowhere to deliver: what waits is given up (counted as dropped)
        given.addAll(ready);
        ready.clear();
      }
    }
    for (Attempt a : given) {
      givenUp(a, clock.millis());
    }
  }

  /** @return where deliveries go now, or null when they are only recorded */
  public URI url() {
    return target.url();
  }

  private void givenUp(Attempt a, long at) {
    dropped.incrementAndGet();
    pending.decrementAndGet();
    listener.attempted(a.event().path("Sequence").asLong(), a.number() + 1, at, false, "no callback URL any more", -1);
  }

  @Override
  public void emit(CallbackEnvelope about, Object data) {
    ObjectNode e = tree(about, data, sequence.incrementAndGet());
    synchronized (recorded) {
      if (recorded.size() == recordCapacity) {
        recorded.removeFirst();
      }
      recorded.addLast(e.deepCopy());
    }
    if (target.url() == null || closed) {
      listener.produced(e, false, target.url() == null ? "no callback URL" : "callback delivery stopped");
      return;
    }
    if (pending.incrementAndGet() > queueCapacity) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
      listener.produced(e, false, "the delivery queue was full (" + queueCapacity + " waiting)");
      return;
    }
    listener.produced(e, true, null);
    offer(new Attempt(e, 0));
  }

  @Override
  public void switchedOff(CallbackEnvelope about, Object data) {
    listener.switchedOff(tree(about, data, null));
  }

  /** The event as sent, without Nonce, Timestamp and Signature (added per attempt). */
  private ObjectNode tree(CallbackEnvelope about, Object data, Long seq) {
    // The envelope as the generated CallbackEnvelope model; Event is the name the contract's
    // discriminator gives the Data type.
    CallbackEnvelope envelope = new CallbackEnvelope()
        .appId(about.getAppId())
        .event(CallbackEvents.nameOf(data.getClass()))
        .agentInstanceId(about.getAgentInstanceId())
        .agentUserId(about.getAgentUserId())
        .agentId(about.getAgentId())
        .name(about.getName())
        .roomId(about.getRoomId())
        .sequence(seq);
    ObjectNode e = mapper.valueToTree(envelope);
    // Required properties serialize even when unset: the signing fields come per attempt.
    for (java.util.Iterator<JsonNode> it = e.elements(); it.hasNext(); ) {
      if (it.next().isNull()) {
        it.remove();
      }
    }
    e.set("Data", mapper.valueToTree(data));
    return e;
  }

  private void offer(Attempt a) {
    synchronized (this) {
      ready.addLast(a);
    }
    launch();
  }

  /** Starts ready attempts while slots are free. */
  private void launch() {
    List<Attempt> start = new ArrayList<>();
    synchronized (this) {
      while (!closed && inFlight < parallelism && !ready.isEmpty()) {
        start.add(ready.pollFirst());
        inFlight++;
      }
    }
    start.forEach(this::send);
  }

  private void send(Attempt a) {
    CompletableFuture<HttpResponse<Void>> f;
    long sentAt = clock.millis();
    Target to = target;
    HttpClient client;
    synchronized (this) {
      client = http;
      if (to.url() == null) { // retargeted to "record only" while waiting: given up
        inFlight--;
      }
    }
    if (to.url() == null) {
      givenUp(a, sentAt);
      return;
    }
    try {
      ObjectNode signed = a.event().deepCopy();
      String ts = Long.toString(sentAt);
      String nonce = ProcessSequence.CALLBACK_NONCES.next(); // random start per JVM, never reused
      signed.put("Nonce", nonce);
      signed.put("Timestamp", Long.parseLong(ts));
      signed.put("Signature", CallbackSigner.sign(to.secret(), ts, nonce));
      HttpRequest req = HttpRequest.newBuilder(to.url())
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(signed)))
          .build();
      f = client.sendAsync(req, HttpResponse.BodyHandlers.discarding());
    } catch (Exception ex) {
      done(a, sentAt, false, "not sent (" + ex.getClass().getSimpleName() + ")");
      return;
    }
    // The request timeout covers the headers only: bound the whole exchange here.
    f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((res, ex) -> {
      if (ex != null) {
        f.cancel(true);
      }
      done(a, sentAt, ex == null && res.statusCode() / 100 == 2,
          ex == null ? "HTTP " + res.statusCode() : failure(ex));
    });
  }

  /** A failed exchange in words (never the receiver's text). */
  private String failure(Throwable ex) {
    Throwable t = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return "failed (" + t.getClass().getSimpleName() + ")";
  }

  private void done(Attempt a, long sentAt, boolean ok, String outcome) {
    synchronized (this) {
      inFlight--;
    }
    long seq = a.event().path("Sequence").asLong();
    if (ok) {
      delivered.incrementAndGet();
      pending.decrementAndGet();
      listener.attempted(seq, a.number() + 1, sentAt, true, outcome, -1);
    } else {
      failedAttempts.incrementAndGet();
      if (a.number() < retryDelays.size() && !closed) {
        long delay = retryDelays.get(a.number()).toMillis();
        listener.attempted(seq, a.number() + 1, sentAt, false, outcome, clock.millis() + delay);
        timer.after(delay, () -> offer(new Attempt(a.event(), a.number() + 1)));
      } else {
        dropped.incrementAndGet();
        pending.decrementAndGet();
        listener.attempted(seq, a.number() + 1, sentAt, false, outcome, -1);
      }
    }
    launch();
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

  /** Stops delivering: nothing new starts; exchanges in flight end by their timeout. */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      ready.clear();
    }
  }
}
