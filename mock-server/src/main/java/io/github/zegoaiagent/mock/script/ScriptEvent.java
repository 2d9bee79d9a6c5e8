package io.github.zegoaiagent.mock.script;

import java.time.Duration;
import java.util.Objects;

/**
 * One timed event of a {@link ConversationScript}.
 *
 * @param at when, from the moment the script is loaded (mock clock)
 * @param type what happens
 * @param text {@link Type#SPEAK}: what the user says (the ASR result); otherwise null
 * @param duration {@link Type#SPEAK}: how long the user speaks (SPEAK_BEGIN to SPEAK_END);
 *     otherwise zero
 * @param userId {@link Type#SPEAK}: the speaking user, or null for the instance's UserId
 */
public record ScriptEvent(Duration at, Type type, String text, Duration duration, String userId) {
  /** Latest {@link #at()}: 365 days (the control document's bound of {@code at}). */
  public static final Duration LATEST_AT = Duration.ofDays(365);
  /** Longest {@link #duration()}: one day (the control document's bound of {@code durationMillis}). */
  public static final Duration LONGEST_SPEECH = Duration.ofDays(1);

  /** What a script event does. */
  public enum Type {
    /**
     * The user speaks {@code text} for {@code duration}: UserSpeakAction SPEAK_BEGIN (a new
     * Round), status LISTENING; at the end SPEAK_END, ASRResult, then the LLM turn. Speech while
     * the agent talks interrupts it (Interrupted, Reason 1) unless InterruptMode is 1 or the
     * agent plays a High-priority item; then the utterance is not heard at all.
     */
    SPEAK,
    /** The user leaves the room; after MaxIdleTime away the instance is deleted (1202). */
    LEAVE,
    /** The user (re)joins the room. */
    JOIN
  }

  /** Checks the event. */
  public ScriptEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(duration, "duration");
    if (at.isNegative() || at.compareTo(LATEST_AT) > 0) {
      throw new IllegalArgumentException("at: must be within 0 and 365 days (" + at + ")");
    }
    if (type == Type.SPEAK) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("text: required for a speak event");
      }
      if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_SPEECH) > 0) {
        throw new IllegalArgumentException("duration: a speak event lasts more than 0 ms and at most a day");
      }
    } else if (text != null || !duration.isZero() || userId != null) {
      throw new IllegalArgumentException(type.name().toLowerCase(java.util.Locale.ROOT)
          + " event: takes no text, duration or userId");
    }
  }

  /** @return when the event is over ({@code at + duration}) */
  public Duration end() {
    return at.plus(duration);
  }
}
