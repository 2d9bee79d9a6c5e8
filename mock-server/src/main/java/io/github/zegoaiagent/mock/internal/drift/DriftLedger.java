package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts behind a {@link DriftReport}: per action, exchanges, drift kinds (count and the
 * first example) and tolerance rules used. Bounded whatever arrives: at most {@value #MAX_ACTIONS}
 * actions (more are counted under {@value #OTHER}), one example per action and kind, each example
 * body at most {@value #MAX_EXAMPLE_CHARS} characters. Only counting happens under its lock;
 * examples are made by the caller before ({@link #wantsExample}). Thread-safe.
 */
public final class DriftLedger {
  static final int MAX_ACTIONS = 64;
  static final String OTHER = "(other actions)";
  static final int MAX_EXAMPLE_CHARS = 8192;

  private final String upstream;
  private final Clock clock;
  private final Map<String, Entry> actions = new LinkedHashMap<>();
  private Instant since;
  private long exchanges;
  private long callbacks;
  private long drifted;

  private static final class Entry {
    long exchanges;
    final Map<DriftKind, long[]> counts = new EnumMap<>(DriftKind.class);
    final Map<DriftKind, DriftReport.DriftExample> examples = new EnumMap<>(DriftKind.class);
    final Map<String, long[]> tolerated = new LinkedHashMap<>();
    final Map<String, String> toleratedExamples = new LinkedHashMap<>();
  }

  /** @param upstream where exchanges go (shown in the report), or null @param clock for {@code since} */
  public DriftLedger(String upstream, Clock clock) {
    this.upstream = upstream;
    this.clock = clock;
    this.since = clock.instant();
  }

  /** @return whether an example of any of these drifts is still missing (make one, then {@link #add}) */
  public synchronized boolean wantsExample(List<Drift> drift) {
    for (Drift d : drift) {
      Entry e = actions.get(key(d.action()));
      if (e == null || !e.examples.containsKey(d.kind())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts one exchange or callback.
   *
   * @param action the Action label ({@link Names})
   * @param callback whether it was a callback
   * @param drift what was found
   * @param tolerated tolerance rules the request needed
   * @param example the masked exchange, or null when {@link #wantsExample} said none was needed
   */
  public void add(String action, boolean callback, List<Drift> drift, List<ExchangeCheck.Tolerated> tolerated,
      RecordedExchange example) {
    RecordedExchange clipped = example == null ? null : clip(example);
    synchronized (this) {
      Entry e = actions.computeIfAbsent(key(action), k -> new Entry());
      e.exchanges++;
      if (callback) {
        callbacks++;
      } else {
        exchanges++;
      }
      if (!drift.isEmpty()) {
        drifted++;
      }
      for (Drift d : drift) {
        e.counts.computeIfAbsent(d.kind(), k -> new long[1])[0]++;
        if (clipped != null && !e.examples.containsKey(d.kind())) {
          e.examples.put(d.kind(), new DriftReport.DriftExample(d.path(), d.detail(), clipped));
        }
      }
      for (ExchangeCheck.Tolerated t : tolerated) {
        e.tolerated.computeIfAbsent(t.rule(), k -> new long[1])[0]++;
        e.toleratedExamples.putIfAbsent(t.rule(), t.where());
      }
    }
  }

  private String key(String action) {
    return actions.containsKey(action) || actions.size() < MAX_ACTIONS ? action : OTHER;
  }

  /** @param recording the recording to name, or null @return the report now */
  public synchronized DriftReport report(DriftReport.Recording recording) {
    List<DriftReport.ActionDrift> out = new ArrayList<>();
    actions.forEach((name, e) -> {
      List<DriftReport.DriftCount> kinds = new ArrayList<>();
      e.counts.forEach((k, c) -> kinds.add(new DriftReport.DriftCount(k, c[0], e.examples.get(k))));
      List<DriftReport.Tolerated> tol = new ArrayList<>();
      e.tolerated.forEach((r, c) -> tol.add(new DriftReport.Tolerated(r, c[0], e.toleratedExamples.get(r))));
      out.add(new DriftReport.ActionDrift(name, e.exchanges, kinds, tol));
    });
    return new DriftReport(upstream, since.toString(), exchanges, callbacks, drifted, recording, out);
  }

  /** Forgets everything; counting starts again now. */
  public synchronized void clear() {
    actions.clear();
    exchanges = 0;
    callbacks = 0;
    drifted = 0;
    since = clock.instant();
  }

  private static RecordedExchange clip(RecordedExchange x) {
    boolean bodyLong = tooLong(x.body());
    boolean answerLong = tooLong(x.answer());
    if (!bodyLong && !answerLong) {
      return x;
    }
    return new RecordedExchange(x.type(), x.sequence(), x.at(), x.action(), x.event(), x.method(), x.path(),
        bodyLong ? null : x.body(), bodyLong ? clipNote(x.body()) : x.bodyNote(), x.status(),
        answerLong ? null : x.answer(), answerLong ? clipNote(x.answer()) : x.answerNote(), x.millis(), x.drift());
  }

  private static boolean tooLong(JsonNode n) {
    return n != null && n.toString().length() > MAX_EXAMPLE_CHARS;
  }

  private static String clipNote(JsonNode n) {
    return "(" + n.toString().length() + " characters of JSON: too long for an example, left out)";
  }
}
