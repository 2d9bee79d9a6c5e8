package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.mock.values.CallbackStats;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits for the mock's callbacks to reach the application. The mock delivers asynchronously; an
 * application's endpoint answers only after its listeners ran, so once nothing is pending every
 * callback produced so far was handled (or refused) by the application:
 *
 * <pre>{@code
 * client.instances().createAgentInstance(...);         // the mock produces AgentInstanceCreated
 * CallbackDeliveries.awaitAll(mock, Duration.ofSeconds(5));
 * assertThat(events.log).contains(...);                 // the application's listener ran
 * }</pre>
 */
public final class CallbackDeliveries {
  private CallbackDeliveries() { }

  /**
   * Waits (wall clock) until no callback of the mock waits for delivery or for a retry.
   *
   * @param mock the mock
   * @param timeout how long to wait at most
   * @throws AssertionError when deliveries are still pending, saying how many failed (the
   *     application refused them: its WARN log lines say why)
   */
  public static void awaitAll(ZegoMock mock, Duration timeout) {
    Objects.requireNonNull(mock, "mock");
    long deadline = System.nanoTime() + timeout.toNanos();
    CallbackStats s = mock.server().callbackStats();
    while (s.pending() > 0) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(s.pending() + " callback deliveries still pending after " + timeout + " ("
            + s.delivered() + " delivered, " + s.failedAttempts() + " failed attempts, " + s.dropped() + " dropped) to "
            + mock.server().callbackUrl() + (s.failedAttempts() > 0
                ? ": the receiver refused or did not answer them; its log says why (a stale Timestamp means"
                    + " the clocks differ, a forged one the callback secrets), and a retry waits on the mock's clock"
                : ""));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for callback deliveries", e);
      }
      s = mock.server().callbackStats();
    }
  }
}
