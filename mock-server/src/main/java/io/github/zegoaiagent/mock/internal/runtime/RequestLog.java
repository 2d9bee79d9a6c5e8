package io.github.zegoaiagent.mock.internal.runtime;

import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.io.PrintStream;
import java.time.Instant;
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
 * <p>The request's thread pays a small constant: it reads the wall clock as a number and queues
 * four values ({@link Answered}); no text is made there. One daemon thread turns them into lines
 * and writes them in batches (a console write per request on the event loop cost about 30 % of
 * the standalone jar's throughput, and formatting the line there most of the rest: BENCHMARKS.md,
 * {@code RequestLogBench}). The queue is bounded; when the console cannot keep up, lines are
 * dropped and counted, and the count is printed once the writer catches up. {@link #close()}
 * writes what is queued.
 */
public final class RequestLog implements RequestListener, AutoCloseable {
  private static final int MAX_ACTION = 64;
  /** Lines waiting for the console at most. */
  static final int QUEUE = 16_384;
  /** How often the writer looks for lines: the console lags the answers by at most this. */
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** What the request's thread hands over: numbers and the journal's own Action string. */
  record Answered(long atMillis, String action, int code, long nanos) {
  }

  private final PrintStream out;
  private final BlockingQueue<Answered> queue = new ArrayBlockingQueue<>(QUEUE);
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
    if (!queue.offer(new Answered(System.currentTimeMillis(), e.action(), e.code(), nanos))) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    List<Answered> batch = new ArrayList<>();
    Lines lines = new Lines();
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
      lines.clear();
      for (Answered a : batch) {
        lines.add(a);
      }
      batch.clear();
      if (lost > 0) {
        lines.text.append("(request log: ").append(lost).append(" lines dropped, the console was too slow)")
            .append(System.lineSeparator());
      }
      try {
        out.print(lines.text);
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

  /** @return the line of one answer, without its line separator */
  static String line(Answered a) {
    Lines l = new Lines();
    l.add(a);
    return l.text.substring(0, l.text.length() - System.lineSeparator().length());
  }

  /**
   * The writer's text: lines appended to one buffer, the date and time of the last second kept,
   * so a line costs a few appends (the writer's own thread, never a request's).
   */
  static final class Lines {
    final StringBuilder text = new StringBuilder();
    private long second = Long.MIN_VALUE;
    private String secondText = "";

    void clear() {
      text.setLength(0);
    }

    void add(Answered a) {
      long s = Math.floorDiv(a.atMillis(), 1000);
      if (s != second) {
        String t = Instant.ofEpochSecond(s).toString(); // 2026-12-01T12:00:00Z
        secondText = t.substring(0, t.length() - 1) + ".";
        second = s;
      }
      int ms = Math.floorMod(a.atMillis(), 1000);
      text.append(secondText).append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
          .append((char) ('0' + ms % 10)).append("Z ");
      action(a.action());
      long tenths = (a.nanos() + 50_000) / 100_000; // ms with one decimal, rounded
      text.append(" Code ").append(a.code()).append(' ').append(codeName(a.code())).append(' ').append(tenths / 10).append('.').append(tenths % 10)
          .append(" ms").append(System.lineSeparator());
    }

    private void action(String a) {
      if (a == null || a.isEmpty()) {
        text.append('-');
        return;
      }
      int n = Math.min(a.length(), MAX_ACTION);
      for (int i = 0; i < n; i++) {
        char c = a.charAt(i);
        text.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '?');
      }
      if (a.length() > MAX_ACTION) {
        text.append("...");
      }
    }
  }
}
