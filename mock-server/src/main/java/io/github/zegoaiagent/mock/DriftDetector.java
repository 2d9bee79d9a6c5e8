package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.internal.drift.CallbackCheck;
import io.github.zegoaiagent.mock.internal.drift.DriftLedger;
import io.github.zegoaiagent.mock.internal.drift.DriftMarkdown;
import io.github.zegoaiagent.mock.internal.drift.ExchangeCheck;
import io.github.zegoaiagent.mock.internal.drift.MaskedExchanges;
import io.github.zegoaiagent.mock.internal.drift.Names;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The validating proxy's checks on their own: hand it exchanges seen anywhere (the conformance
 * suite's live runs, your own tests) and it says where each differs from the contract
 * ({@link Drift}), and keeps the same {@link DriftReport} the proxy serves at {@code /_mock/drift}.
 *
 * <pre>{@code
 * DriftDetector drift = DriftDetector.create();
 * List<Drift> found = drift.exchange("ListAgents", requestBody, 200, answerBody);
 * Files.writeString(Path.of("drift-report.md"), drift.markdown("Drift report"));
 * }</pre>
 *
 * <p>Examples in the report are masked like the mock's journal (credentials become {@code ***});
 * nothing leaves the JVM. Thread-safe.
 */
public final class DriftDetector {
  private final ExchangeCheck exchanges;
  private final CallbackCheck callbacks;
  private final DriftLedger ledger;
  private final MaskedExchanges masked = new MaskedExchanges();
  private final AtomicLong sequence = new AtomicLong();
  private final Clock clock;

  private DriftDetector(String upstream, Clock clock) {
    Contract contract = Contract.load();
    this.exchanges = new ExchangeCheck(contract);
    this.callbacks = new CallbackCheck(contract);
    this.ledger = new DriftLedger(upstream, clock);
    this.clock = clock;
  }

  /** @return a detector on the packaged contract, with an empty report */
  public static DriftDetector create() {
    return new DriftDetector(null, Clock.systemUTC());
  }

  /**
   * @param target what the exchanges are sent to (shown in the report; keep credentials out of it)
   * @return a detector on the packaged contract, with an empty report
   */
  public static DriftDetector create(String target) {
    return new DriftDetector(target, Clock.systemUTC());
  }

  /**
   * Checks one exchange with the API and counts it in the report.
   *
   * @param action the request's Action
   * @param requestBody the request body as sent
   * @param status the answer's HTTP status
   * @param answer the answer body as received
   * @return where it differs from the contract (empty: nowhere)
   */
  public List<Drift> exchange(String action, byte[] requestBody, int status, byte[] answer) {
    return exchange(action, requestBody, status, answer, 0);
  }

  /**
   * @param action the request's Action
   * @param requestBody the request body as sent
   * @param status the answer's HTTP status
   * @param answer the answer body as received
   * @param nanos how long it took (shown in examples)
   * @return where it differs from the contract (empty: nowhere)
   */
  public List<Drift> exchange(String action, byte[] requestBody, int status, byte[] answer, long nanos) {
    ExchangeCheck.Verdict v = exchanges.exchange(action, requestBody, status, answer);
    ledger.add(Names.action(action), false, v.drift(), v.tolerated(), ledger.wantsExample(v.drift())
        ? masked.of(sequence.incrementAndGet(), clock.instant(), action, null, "POST", "/", requestBody, status, answer,
            nanos, v.drift()) : null);
    return v.drift();
  }

  /**
   * Checks a callback event the service POSTed and counts it in the report.
   *
   * @param body the event as received
   * @param callbackSecret the App's CallbackSecret, or null to leave the signature unchecked
   * @return where it differs from the contract
   */
  public List<Drift> callback(byte[] body, String callbackSecret) {
    CallbackCheck.Verdict v = callbacks.check(body, callbackSecret);
    ledger.add(v.label(), true, v.drift(), List.of(), ledger.wantsExample(v.drift())
        ? masked.of(sequence.incrementAndGet(), clock.instant(), null, v.event() == null ? "" : v.event(), "POST", "/",
            body, 200, null, 0, v.drift()) : null);
    return v.drift();
  }

  /** @return the report now */
  public DriftReport report() {
    return ledger.report(null);
  }

  /** @param title the first heading @return the report as Markdown */
  public String markdown(String title) {
    return DriftMarkdown.render(report(), title);
  }

  /**
   * @param file where to write the Markdown report (replaced)
   * @param title the first heading
   * @return the file
   * @throws UncheckedIOException when it cannot be written
   */
  public Path writeMarkdown(Path file, String title) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, markdown(title), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drift report to " + file, e);
    }
  }

  /** Forgets what was counted. */
  public void clear() {
    ledger.clear();
  }
}
