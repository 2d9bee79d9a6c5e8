package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Duration;

/**
 * Moves the mock clock so that scripted conversations and the user's LLM give the same result
 * every time (ADR 0011): from one scheduled moment ({@link Simulator#nextDue}: a script step, a
 * MaxIdleTime deletion) to the next, and at each, the LLM answers in flight are awaited (bounded
 * by the exchange deadline) and applied before the clock moves on. Never called under the state
 * lock (the answers need it).
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

  /** @param d how far to move the clock (negative: back, without stepping) */
  public void advance(Duration d) {
    if (d.isNegative()) {
      clock.advance(d);
      tick.run();
      return;
    }
    long target = clock.millis() + d.toMillis();
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
