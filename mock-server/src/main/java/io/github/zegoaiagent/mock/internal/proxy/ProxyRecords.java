package io.github.zegoaiagent.mock.internal.proxy;

import io.github.zegoaiagent.mock.internal.drift.DriftLedger;
import io.github.zegoaiagent.mock.internal.drift.ExchangeCheck;
import io.github.zegoaiagent.mock.internal.drift.MaskedExchanges;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where what the proxy saw goes: the counts of the drift report ({@link DriftLedger}) and, when
 * recording, the recording ({@link Recorder}). The masked form of an exchange is made once, on
 * the caller's thread, and only when one of them needs it.
 */
final class ProxyRecords implements AutoCloseable {
  private final DriftLedger ledger;
  private final Recorder recorder;
  private final MaskedExchanges masked = new MaskedExchanges();
  private final AtomicLong sequence = new AtomicLong();
  private final Clock clock;

  /** What one exchange or callback was. */
  record Seen(String label, String action, String event, String method, String path, byte[] body, int status,
      byte[] answer, long nanos, List<Drift> drift, List<ExchangeCheck.Tolerated> tolerated) { }

  ProxyRecords(DriftLedger ledger, Recorder recorder, Clock clock) {
    this.ledger = ledger;
    this.recorder = recorder;
    this.clock = clock;
  }

  void add(Seen s) {
    RecordedExchange x = recorder != null || ledger.wantsExample(s.drift())
        ? masked.of(sequence.incrementAndGet(), clock.instant(), s.action(), s.event(), s.method(), s.path(), s.body(),
            s.status(), s.answer(), s.nanos(), s.drift())
        : null;
    ledger.add(s.label(), s.event() != null, s.drift(), s.tolerated(), x);
    if (recorder != null && x != null) {
      recorder.add(x);
    }
  }

  DriftReport report() {
    return ledger.report(recorder == null ? null : recorder.status());
  }

  void clear() {
    ledger.clear();
  }

  @Override
  public void close() {
    if (recorder != null) {
      recorder.close();
    }
  }
}
