package io.github.zegoaiagent.mock.internal.memory;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one byte budget of everything the mock keeps for its callers: agents, instances (context,
 * speech, spoken texts, walkie-talkie users, scripts), the journal, recorded and pending
 * callbacks, LLM answer streams and request bodies being read. Each owner charges what it keeps
 * through an {@link Account} before keeping it and gives it back when it forgets it; a charge
 * that does not fit is refused, and the owner refuses the request (a documented code) or forgets
 * its oldest entries instead. So no combination of settings can fill the heap: at most
 * {@link #limit()} bytes (estimated, on the high side: {@link Sizes}) are held at once.
 *
 * <p>The first refusal after the budget had room prints one line (to the request log's stream or
 * standard error); the next one only after use fell below 90 %. Thread-safe, lock-free.
 */
public final class MemoryBudget {
  /** Share of the maximum heap the budget gets unless set: the rest is the JVM's own and requests in flight. */
  public static final double HEAP_SHARE = 0.4;

  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private final AtomicBoolean reported = new AtomicBoolean();
  private final PrintStream log;

  /**
   * @param limit bytes at most; 0 = {@link #HEAP_SHARE} of the maximum heap
   * @param log where the line about a full budget goes (null: nowhere)
   */
  public MemoryBudget(long limit, PrintStream log) {
    this.limit = limit > 0 ? limit : derived(Runtime.getRuntime().maxMemory());
    this.log = log;
  }

  /** @param maxHeap the JVM's maximum heap @return the budget derived from it */
  public static long derived(long maxHeap) {
    return Math.max(16L << 20, (long) (maxHeap * HEAP_SHARE));
  }

  /** @return a budget with no limit to speak of (for parts built outside a mock, such as unit tests) */
  public static MemoryBudget unlimited() {
    return new MemoryBudget(Long.MAX_VALUE / 4, null);
  }

  /** @return bytes the mock may keep */
  public long limit() {
    return limit;
  }

  /** @return bytes charged now */
  public long used() {
    return used.get();
  }

  /** @return a new account that charges this budget */
  public Account account() {
    return new Account(this);
  }

  boolean tryCharge(long bytes, String what) {
    if (bytes <= 0) {
      return true;
    }
    while (true) {
      long u = used.get();
      if (u + bytes > limit || u + bytes < 0) {
        report(what, bytes);
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    if (bytes <= 0) {
      return;
    }
    long u = used.addAndGet(-bytes);
    if (u < limit * 0.9) {
      reported.set(false);
    }
  }

  private void report(String what, long bytes) {
    if (log != null && reported.compareAndSet(false, true)) {
      try {
        log.println("zego-aiagent-mock-server: memory budget reached (" + mib(used.get()) + " of "
            + mib(limit) + " in use; " + what + " needs " + mib(bytes) + "): requests that would keep more"
            + " are refused with the documented codes and the oldest journal entries and callbacks are"
            + " forgotten until memory is freed (delete instances, unregister agents, POST /_mock/reset;"
            + " --memory-budget or a larger -Xmx raises it)");
        log.flush();
      } catch (RuntimeException ignored) {
        // a broken console must not break the mock
      }
    }
  }

  /** @return e.g. {@code 12.5 MiB} */
  public static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** @return what a refusal's message says about the budget, e.g. {@code the mock's memory budget (102.4 MiB) is used up} */
  public String refusal() {
    return "the mock's memory budget (" + mib(limit) + ", --memory-budget) is used up";
  }

  @Override
  public String toString() {
    return "MemoryBudget[" + mib(used.get()) + " of " + mib(limit) + "]";
  }
}
