package io.github.zegoaiagent.client.retry;

import java.time.Duration;

/** Waits between attempts; replaceable so tests need not wait. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep(long)}. */
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  /**
   * @param duration how long to wait
   * @throws InterruptedException when interrupted; the call is then abandoned
   */
  void sleep(Duration duration) throws InterruptedException;
}
