package io.github.zegoaiagent.mock.internal.state;

/**
 * One step of a conversation script at an absolute mock-clock time. Immutable.
 *
 * @param at Unix milliseconds
 * @param kind what happens
 * @param text what the user says (speech steps), else null
 * @param userId the speaking user (speech steps), else null
 */
public record ScriptStep(long at, Kind kind, String text, String userId) {
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
}
