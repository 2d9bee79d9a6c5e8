package io.github.zegoaiagent.client.internal.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends exchanges whose deadline has passed. One daemon thread for the JVM checks the exchanges in
 * flight every {@value #TICK_MILLIS} ms and sleeps when there have been none for a second.
 * Registering is a set insertion: unlike a timer task per call (which wakes the timer thread on
 * every call), it costs no thread hand-off on the call path; the price is a deadline enforced
 * within one tick. Internal.
 */
final class Deadlines {

  static final int TICK_MILLIS = 10;
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final Set<Exchange> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean parked = true;
  private static final Thread WATCHER = start();

  private Deadlines() { }

  private static Thread start() {
    Thread t = new Thread(Deadlines::run, "zego-aiagent-deadlines");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void watch(Exchange e) {
    LIVE.add(e);
    if (parked) {
      parked = false;
      LockSupport.unpark(WATCHER);
    }
  }

  static void done(Exchange e) {
    LIVE.remove(e);
  }

  private static void run() {
    long idleSince = System.nanoTime();
    while (true) {
      if (parked) {
        LockSupport.park(Deadlines.class);
        idleSince = System.nanoTime();
        continue;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
      long now = System.nanoTime();
      if (LIVE.isEmpty()) {
        if (now - idleSince > IDLE_NANOS) {
          parked = true;
          if (!LIVE.isEmpty()) { // a watch() raced with parking: stay awake
            parked = false;
          }
        }
        continue;
      }
      idleSince = now;
      for (Exchange e : LIVE) {
        if (now - e.deadlineNanos() >= 0) {
          LIVE.remove(e);
          try {
            e.timeOut();
          } catch (RuntimeException ignored) {
            // Aborting is best effort; the exchange's own failure still ends the call.
          }
        }
      }
    }
  }
}
