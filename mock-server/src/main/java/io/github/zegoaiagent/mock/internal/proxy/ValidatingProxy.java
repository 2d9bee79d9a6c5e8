package io.github.zegoaiagent.mock.internal.proxy;

import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.config.ProxySettings;
import io.github.zegoaiagent.mock.internal.drift.CallbackCheck;
import io.github.zegoaiagent.mock.internal.drift.DriftLedger;
import io.github.zegoaiagent.mock.internal.drift.DriftMarkdown;
import io.github.zegoaiagent.mock.internal.drift.ExchangeCheck;
import io.github.zegoaiagent.mock.internal.drift.Names;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.http.Endpoints;
import io.github.zegoaiagent.mock.internal.http.QueryString;
import io.github.zegoaiagent.mock.internal.http.RawRequest;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.mock.values.RecordingHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The mock as a validating proxy (ADR 0014): every API request is forwarded byte for byte to the
 * upstream ({@link Upstream}) and its answer returned as received, plus an {@code X-Zego-Drift}
 * header naming the drift kinds found, if any. Each exchange is then checked against both faces
 * of the contract ({@link ExchangeCheck}), counted in the drift report and, when recording,
 * appended to the recording ({@link ProxyRecords}). Callbacks arrive on their own path
 * ({@link CallbackIntake}). The mock's simulation, journal and state are not involved.
 *
 * <p>No thread waits: the front holds the client's connection while the upstream answers; checks
 * run on two proxy threads. At most {@code maxInFlight} exchanges and callbacks are handled at once
 * (each holds at most a request body and an answer, both capped), more are answered HTTP 503 at once.
 */
public final class ValidatingProxy implements Endpoints.Deferred, AutoCloseable {
  /** Header naming the drift kinds of an answer (ASCII wire names, comma-separated). */
  public static final String DRIFT_HEADER = "X-Zego-Drift";

  private final URI upstream;
  private final ProxySettings settings;
  private final ExecutorService workers;
  private final Upstream http;
  private final ExchangeCheck check = new ExchangeCheck(Contract.load());
  private final ProxyRecords records;
  private final CallbackIntake callbacks;
  private final RequestListener log;
  private final Function<String, byte[]> frontError;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int maxBodyBytes;

  /**
   * @param settings the proxy's settings (upstream set)
   * @param callbackSettings where callbacks are forwarded and the secret they are checked with
   * @param maxBodyBytes the front's body cap (named when a body over it is refused)
   * @param log told of every exchange (the console request log)
   * @param frontError the mock's envelope for a request the front refuses
   * @throws UncheckedIOException when the recording cannot be created
   */
  public ValidatingProxy(ProxySettings settings, CallbackSettings callbackSettings, int maxBodyBytes,
      RequestListener log, Function<String, byte[]> frontError) {
    this.upstream = settings.upstream();
    this.settings = settings;
    this.log = log;
    this.frontError = frontError;
    AtomicInteger n = new AtomicInteger();
    // Bounded by the in-flight limit: at most maxInFlight tasks exist at once.
    this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "zego-mock-proxy-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.http = new Upstream(settings.maxAnswerBytes(), workers);
    Clock clock = Clock.systemUTC();
    String shown = ProxyErrors.where(upstream);
    Recorder recorder = settings.record() == null ? null : new Recorder(settings.record(),
        new RecordingHeader(RecordingHeader.FORMAT, RecordingHeader.VERSION,
            Contract.load().root().path("info").path("version").asText(), shown, clock.instant().toString()));
    this.records = new ProxyRecords(new DriftLedger(shown, clock), recorder, clock);
    this.callbacks = new CallbackIntake(new CallbackCheck(Contract.load()), records, http, callbackSettings.url(),
        callbackSettings.secret(), callbackSettings.timeout());
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void answerLater(RawRequest req, List<Map.Entry<String, String>> headers, Consumer<Answer> done) {
    if (req.bodyTooLarge()) {
      done.accept(Answer.ok(frontError.apply("body larger than " + maxBodyBytes
          + " bytes (the mock's maxBodyBytes cap); not forwarded")));
      return;
    }
    if (inFlight.incrementAndGet() > settings.maxInFlight()) {
      inFlight.decrementAndGet();
      done.accept(ProxyErrors.answer(503, "busy", "the proxy forwards at most " + settings.maxInFlight()
          + " exchanges at once (--proxy-max-in-flight); nothing was forwarded, try again"));
      return;
    }
    AtomicBoolean once = new AtomicBoolean();
    Consumer<Answer> finished = a -> {
      if (once.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
        try {
          done.accept(a);
        } catch (RuntimeException e) {
          // the front's loop is gone (the server is closing): the answer is dropped
        }
      }
    };
    try {
      if (req.path().equals(settings.callbackPath())) {
        callbacks.receive(req, headers, finished);
      } else {
        forward(req, headers, finished);
      }
    } catch (RuntimeException e) {
      finished.accept(bug(e));
    }
  }

  private void forward(RawRequest req, List<Map.Entry<String, String>> headers, Consumer<Answer> done) {
    URI target;
    try {
      String base = upstream.toString().replaceAll("/+$", "");
      target = URI.create(base + req.path() + (req.rawQuery() == null ? "" : "?" + req.rawQuery()));
    } catch (IllegalArgumentException e) {
      done.accept(Answer.ok(frontError.apply("the request target is not a URI that can be forwarded; not forwarded")));
      return;
    }
    long started = System.nanoTime();
    String action = QueryString.parse(req.rawQuery()).get("Action");
    http.send(target, req.method(), headers, req.body(), settings.timeout()).thenAcceptAsync(r -> {
      Answer a;
      try {
        a = answered(req, action, r, System.nanoTime() - started);
      } catch (RuntimeException e) {
        a = bug(e);
      }
      done.accept(a);
    }, workers).exceptionally(e -> {
      done.accept(bug(e)); // the workers are gone (closing): still an answer
      return null;
    });
  }

  private static Answer bug(Throwable e) {
    return ProxyErrors.answer(502, "proxy-bug", "bug in the mock's proxy (" + e.getClass().getSimpleName()
        + "); please report it");
  }

  /** Checks, counts, records and makes the client's answer. */
  private Answer answered(RawRequest req, String action, Upstream.Result r, long nanos) {
    String label = Names.action(action);
    if (r.outcome() != Upstream.Outcome.ANSWERED) {
      DriftKind kind = switch (r.outcome()) {
        case SLOW -> DriftKind.SLOW_ANSWER;
        case TOO_LARGE -> DriftKind.OVERSIZED_ANSWER;
        case UNREACHABLE -> DriftKind.UPSTREAM_UNREACHABLE;
        default -> DriftKind.CLOSED_MID_ANSWER;
      };
      int status = kind == DriftKind.SLOW_ANSWER ? 504 : 502;
      List<Drift> drift = List.of(new Drift(kind, label, "", r.problem()));
      records.add(new ProxyRecords.Seen(label, action == null ? "" : action, null, req.method(), req.path(),
          req.body(), status, null, nanos, drift, List.of()));
      log(action, -1, nanos);
      return ProxyErrors.answer(status, kind.wireName(), "the upstream " + ProxyErrors.where(upstream) + " gave no usable "
          + "answer: " + r.problem() + (kind == DriftKind.SLOW_ANSWER || kind == DriftKind.CLOSED_MID_ANSWER
              ? "; the request may have been applied" : ""));
    }
    ExchangeCheck.Verdict v = check.exchange(action, req.body(), r.status(), r.body());
    records.add(new ProxyRecords.Seen(label, action == null ? "" : action, null, req.method(), req.path(), req.body(),
        r.status(), r.body(), nanos, v.drift(), v.tolerated()));
    log(action, v.code() == null ? -1 : v.code(), nanos);
    Map<String, String> headers = r.headers();
    if (!v.drift().isEmpty()) {
      Set<String> kinds = new LinkedHashSet<>();
      v.drift().forEach(d -> kinds.add(d.kind().wireName()));
      headers = new HashMap<>(headers);
      headers.put(DRIFT_HEADER, String.join(",", kinds));
    }
    return new Answer(r.status(), r.body(), headers);
  }

  private void log(String action, int code, long nanos) {
    try {
      log.answered(new JournalRecord(0, System.currentTimeMillis(), "POST", "/", null, action, null, null, code, null,
          null, List.of(), List.of()), nanos);
    } catch (RuntimeException e) {
      // the log must not break the proxy
    }
  }

  /** @return the drift report now */
  public DriftReport report() {
    return records.report();
  }

  /** Forgets the counts (the recording goes on). */
  public void clear() {
    records.clear();
  }

  /** @return the Markdown report now */
  public String markdown() {
    return DriftMarkdown.render(report(), "Drift report");
  }

  /**
   * @return the file written, or null when no report file is configured
   * @throws UncheckedIOException when it cannot be written
   */
  public Path writeReport() {
    Path file = settings.driftReport();
    if (file == null) {
      return null;
    }
    try {
      return Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drift report to " + file + " (--drift-report)", e);
    }
  }

  /** Writes the Markdown report (when configured), closes the recording and the threads. */
  @Override
  public void close() {
    try {
      writeReport();
    } catch (UncheckedIOException e) {
      System.err.println("zego-aiagent-mock-server: " + e.getMessage() + ": " + e.getCause().getMessage());
    }
    records.close();
    http.close();
    workers.shutdownNow();
  }
}
