package io.github.zegoaiagent.mock.values;

/**
 * Something the agent said (or began to say).
 *
 * @param round the Round it belonged to
 * @param source {@code TTS}, {@code LLM} or {@code TURN} (the answer to a walkie-talkie turn)
 * @param text the full text
 * @param playedText what was played before it ended; equals {@code text} unless interrupted
 * @param interrupted whether it was cut off
 * @param startedAtMillis clock time it started playing
 */
public record SpokenText(long round, String source, String text, String playedText,
    boolean interrupted, long startedAtMillis) {
}
