package io.github.zegoaiagent.mock.internal.runtime;

import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The console request log ({@code --log requests}): one line per API request, e.g.
 * {@code 2026-12-01T12:00:00.123Z CreateAgentInstance Code 0 SUCCESS 1.4 ms}, each code with its
 * contract name ({@code 100000005 SIGNATURE_WRONG}). Wall-clock time (the
 * person watching the console lives on it, whatever the mock's clock says); the Action only as
 * the letters it may contain (a crafted one cannot forge lines); no query, body or message, so
 * never a secret.
 *
 * <p>Written by one daemon thread in batches: the request's thread only queues the line (a
 * console write per request on the event loop cost about 30 % of the standalone jar's
 * throughput, BENCHMARKS.md). The queue is bounded; when the console cannot keep up, lines are
 * dropped and counted, and the count is printed once the writer catches up. {@link #close()}
 * writes what is queued.
 */
public final class RequestLog implements RequestListener, AutoCloseable {
  private static final int MAX_ACTION = 64;
  /** Lines waiting for the console at most. */
  static final int QUEUE = 16_384;
  /** How often the writer looks for lines: the console lags the answers by at most this. */
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final PrintStream out;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;

  private RequestLog(PrintStream out) {
    this.out = out;
    this.writer = new Thread(this::drain, "zego-mock-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** @return the log the settings ask for: a {@link RequestLog}, or a listener that does nothing */
  public static RequestListener of(LogSettings s) {
    return s.log() == LogSettings.Mode.REQUESTS ? new RequestLog(s.out()) : RequestListener.NONE;
  }

  @Override
  public void answered(JournalRecord e, long nanos) {
    if (!queue.offer(line(Instant.now(), e, nanos))) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    List<String> batch = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean last = false;
    while (!last) {
      // Wake on a period, not per line: a wake-up per request costs the answering thread a
      // signal and the CPU a context switch (measured: slower than the console write itself).
      LockSupport.parkNanos(PERIOD_NANOS);
      last = closing;
      queue.drainTo(batch);
      long lost = dropped.getAndSet(0);
      if (batch.isEmpty() && lost == 0) {
        continue;
      }
      text.setLength(0);
      for (String l : batch) {
        text.append(l).append(System.lineSeparator());
      }
      batch.clear();
      if (lost > 0) {
        text.append("(request log: ").append(lost).append(" lines dropped, the console was too slow)")
            .append(System.lineSeparator());
      }
      try {
        out.print(text);
        out.flush();
      } catch (RuntimeException ignored) {
        // A broken console must not break the API.
      }
    }
  }

  /** Writes the queued lines and stops the writer (waits at most 2 s). */
  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String line(Instant at, JournalRecord e, long nanos) {
    long tenths = Math.round(nanos / 1e5); // ms with one decimal, without String.format's cost
    return at.truncatedTo(ChronoUnit.MILLIS) + " " + action(e) + " Code " + e.code() + " " + codeName(e.code())
        + " " + tenths / 10 + "." + tenths % 10 + " ms";
  }

  /** @return the code's name in the contract ({@code SIGNATURE_WRONG}), or {@code (undocumented)} (an injected fault's) */
  static String codeName(int code) {
    return CODE_NAMES.getOrDefault(code, "(undocumented)");
  }

  /** Every x-zego-return-codes name by code, read once from the contract. */
  private static final Map<Integer, String> CODE_NAMES = codeNames();

  private static Map<Integer, String> codeNames() {
    Map<Integer, String> names = new HashMap<>();
    Contract.load().model().returnCodes().forEach((code, rc) -> names.put(code, rc.name()));
    return Map.copyOf(names);
  }

  private static String action(JournalRecord e) {
    String a = e.action();
    if (a == null || a.isEmpty()) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < a.length() && b.length() < MAX_ACTION; i++) {
      char c = a.charAt(i);
      b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '?');
    }
    return a.length() > MAX_ACTION ? b + "..." : b.toString();
  }
}
