package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Sizes;

/**
 * Something the agent said (or began to say), as kept (the control API shows it as
 * {@code SpokenText}).
 *
 * @param round the Round it belonged to
 * @param source {@code TTS}, {@code LLM} or {@code TURN} (the answer to a user turn)
 * @param text the full text
 * @param playedText what was played before it ended; the same string as {@code text} unless interrupted
 * @param interrupted whether it was cut off
 * @param startedAtMillis clock time it started playing
 */
public record SpokenLine(long round, String source, String text, String playedText,
    boolean interrupted, long startedAtMillis) {

  /** @return estimated heap (the played text counts when it is a string of its own) */
  public long bytes() {
    return Sizes.ENTRY + Sizes.text(text) + (playedText == text ? 0 : Sizes.text(playedText));
  }
}
