package io.github.zegoaiagent.mock.internal.state;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The conversation script of one instance, as absolute-time steps still to play, and the user
 * turn it has open. Mutable; guarded by the {@link MockState} lock.
 */
public final class ScriptedTurns {
  /** What a step does. */
  public enum Kind {
    /** User speech begins (UserSpeakAction SPEAK_BEGIN, new Round). */
    SPEAK_BEGIN,
    /** User speech ends (SPEAK_END, ASRResult, the LLM turn). */
    SPEAK_END,
    /** The user leaves the room. */
    LEAVE,
    /** The user joins the room. */
    JOIN
  }

  /**
   * One step at an absolute mock-clock time.
   *
   * @param at Unix milliseconds
   * @param kind what happens
   * @param text what the user says (speech steps)
   * @param userId the speaking user (speech steps)
   */
  public record Step(long at, Kind kind, String text, String userId) {
  }

  /** Steps still to play, in time order. */
  public final Deque<Step> steps = new ArrayDeque<>();
  /** The user of the open scripted turn, or null. */
  public String turnUser;
  /** Round of the open turn. */
  public long turnRound;
  /** Whether the open turn is not heard (the agent could not be interrupted). */
  public boolean turnIgnored;
  /** Whether a turn is open. */
  public boolean turnOpen;

  /** @return the time of the next step, or {@link Long#MAX_VALUE} */
  public long nextAt() {
    Step s = steps.peekFirst();
    return s == null ? Long.MAX_VALUE : s.at();
  }
}
