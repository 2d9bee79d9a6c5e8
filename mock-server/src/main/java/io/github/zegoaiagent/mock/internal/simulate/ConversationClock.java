package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Duration;

/**
 * Moves the mock clock so that scripted conversations and the user's LLM give the same result
 * every time (ADR 0011): from one scheduled moment ({@link Simulator#nextDue}: a script step, a
 * MaxIdleTime deletion) to the next, and at each, the LLM answers in flight are awaited (bounded
 * by the exchange deadline) and applied before the clock moves on. Never called under the state
 * lock (the answers need the instances' locks).
 */
public final class ConversationClock {
  private final MockClock clock;
  private final Simulator simulator;
  private final LlmForwarder forwarder;
  private final Runnable tick;

  /**
   * @param clock the mock clock
   * @param simulator the simulation (for {@link Simulator#nextDue})
   * @param forwarder the user's-LLM side (off: nothing to await)
   * @param tick replays what is due now (takes the lock itself)
   */
  public ConversationClock(MockClock clock, Simulator simulator, LlmForwarder forwarder, Runnable tick) {
    this.clock = clock;
    this.simulator = simulator;
    this.forwarder = forwarder;
    this.tick = tick;
  }

  /**
   * @param d how far to move the clock forward
   * @throws IllegalArgumentException for a negative duration or one past the clock's end (nothing moves)
   */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("the mock clock never moves back (advance by " + d
          + " refused); reset rewinds it to its start");
    }
    long now0 = clock.millis();
    if (d.compareTo(Duration.ofMillis(MockClock.LATEST - now0)) > 0) {
      throw new IllegalArgumentException("advancing by " + d + " would take the mock clock past the end of year 9999");
    }
    long target = now0 + d.toMillis();
    while (true) {
      settle();
      long now = clock.millis();
      long step = Math.min(simulator.nextDue(now), target);
      if (step > now) {
        clock.advance(Duration.ofMillis(step - now));
      }
      tick.run();
      if (step >= target) {
        settle();
        return;
      }
    }
  }

  /** Waits (bounded by the exchange deadline) for LLM answers in flight and applies them. */
  private void settle() {
    if (!forwarder.enabled()) {
      return;
    }
    while (forwarder.inFlight() > 0) {
      if (!forwarder.awaitQuiet(forwarder.timeout().plusSeconds(1))) {
        return; // a stuck callback: its deadline task completes it; never wait forever
      }
      tick.run(); // an answer may have finished speech that starts the next LLM turn
    }
  }
}
