package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.MockClock;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks when the {@link MockClock} reaches their time, so waits in the mock (callback
 * retries, {@code Fault.delay}) follow the simulation clock like everything else: with a fixed
 * clock a task runs when {@link #pump()} sees the clock past its time (the mock pumps on
 * {@code advanceClock}); with a running clock a daemon thread also wakes up at the due wall time.
 * Tasks run outside the timer's lock and must be short (hand real work to another executor).
 * Thread-safe.
 */
public final class ClockTimer implements AutoCloseable {
  private final MockClock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private final ScheduledExecutorService wakeups;
  private long sequence;
  private boolean closed;

  private record Task(long dueAt, long seq, Runnable run) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = Long.compare(dueAt, o.dueAt);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** @param clock the simulation clock */
  public ClockTimer(MockClock clock) {
    this.clock = clock;
    this.wakeups = clock.isRunning() ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "zego-mock-timer");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** @return the clock the timer follows */
  public MockClock clock() {
    return clock;
  }

  /**
   * @param delayMillis simulation milliseconds from now (0 or less: as soon as possible)
   * @param task what to run then
   */
  public void after(long delayMillis, Runnable task) {
    after(clock.millis(), delayMillis, task);
  }

  /**
   * @param fromMillis the simulation time the delay counts from (when the request that asked
   *     for it was admitted: a clock moved since then has already used up part of it)
   * @param delayMillis simulation milliseconds from {@code fromMillis}
   * @param task what to run then; at once when that time has already passed
   */
  public void after(long fromMillis, long delayMillis, Runnable task) {
    long wait = Math.max(0, delayMillis);
    long due = wait > Long.MAX_VALUE - fromMillis ? Long.MAX_VALUE : fromMillis + wait;
    long left = due - clock.millis();
    synchronized (this) {
      if (closed) {
        return;
      }
      tasks.add(new Task(due, sequence++, task));
      if (wakeups != null && left > 0) {
        wakeups.schedule(this::pump, left, TimeUnit.MILLISECONDS);
      }
    }
    if (left <= 0) {
      pump();
    }
  }

  /** Runs every task whose time has come. */
  public void pump() {
    run(clock.millis());
  }

  /**
   * Runs every waiting task now, whatever its time (the mock's reset: held answers are sent, and
   * the clock may be rewound past their time).
   */
  public void runAll() {
    run(Long.MAX_VALUE);
  }

  private void run(long now) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      while (!tasks.isEmpty() && tasks.peek().dueAt <= now) {
        due.add(tasks.poll().run);
      }
    }
    for (Runnable r : due) {
      try {
        r.run();
      } catch (RuntimeException e) {
        // A failing task must not stop the others (each owner reports its own failures).
      }
    }
  }

  /** @return tasks waiting for their time */
  public synchronized int waiting() {
    return tasks.size();
  }

  /** Drops waiting tasks and stops the wake-up thread. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      tasks.clear();
    }
    if (wakeups != null) {
      wakeups.shutdownNow();
    }
  }
}
