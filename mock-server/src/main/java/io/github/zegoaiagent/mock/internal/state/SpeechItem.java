package io.github.zegoaiagent.mock.internal.state;

import java.util.List;

/**
 * One piece of agent output, playing or waiting: a TTS text, or an LLM call whose answer is
 * spoken after the thinking time. What was asked is fixed; when it plays is set once when it
 * starts ({@link #schedule}). Guarded by the {@link MockState} lock; written by the simulation.
 *
 * @see InstanceState
 */
public final class SpeechItem {
  /** What produced the item. */
  public enum Source {
    /** SendAgentInstanceTTS. */
    TTS,
    /** SendAgentInstanceLLM. */
    LLM,
    /** The agent's answer to a walkie-talkie turn. */
    TURN
  }

  private final long round;
  private final Source source;
  private final int priority;
  private final String input;
  private final String systemPrompt;
  private final boolean addQuestionToHistory;
  private final boolean addAnswerToHistory;

  private String speech;
  private long speakAt = -1;
  private long endAt = -1;
  private boolean speaking;
  // LLM forwarding and sentences (issue 16)
  private long startAt = -1;
  private boolean awaitingAnswer;
  private Runnable cancelAnswer;
  private List<String> sentences = List.of();
  private int[] sentenceStarts = new int[0];
  private int sentencesReported;

  /**
   * @param round Round of the call
   * @param source producer
   * @param priority 0..2
   * @param input TTS text or LLM question
   * @param systemPrompt temporary system prompt, or null
   * @param addQuestionToHistory store the question when thinking starts
   * @param addAnswerToHistory store the spoken text when speaking starts
   */
  public SpeechItem(long round, Source source, int priority, String input, String systemPrompt,
      boolean addQuestionToHistory, boolean addAnswerToHistory) {
    this.round = round;
    this.source = source;
    this.priority = priority;
    this.input = input;
    this.systemPrompt = systemPrompt;
    this.addQuestionToHistory = addQuestionToHistory;
    this.addAnswerToHistory = addAnswerToHistory;
  }

  public long round() {
    return round;
  }

  public Source source() {
    return source;
  }

  /** @return 0 = Low, 1 = Medium, 2 = High */
  public int priority() {
    return priority;
  }

  /** @return TTS: the text; LLM/TURN: the question */
  public String input() {
    return input;
  }

  /** @return the call's temporary system prompt, or null */
  public String systemPrompt() {
    return systemPrompt;
  }

  public boolean addQuestionToHistory() {
    return addQuestionToHistory;
  }

  public boolean addAnswerToHistory() {
    return addAnswerToHistory;
  }

  /** @return the text spoken (for LLM items known once thinking starts), or null before */
  public String speech() {
    return speech;
  }

  /** @return when speaking starts (clock millis), -1 before {@link #schedule} */
  public long speakAt() {
    return speakAt;
  }

  /** @return when speaking ends (clock millis), -1 before {@link #schedule} */
  public long endAt() {
    return endAt;
  }

  /** @return whether speaking has started */
  public boolean speaking() {
    return speaking;
  }

  /**
   * The item starts: it will speak {@code text} from {@code from} until {@code until}.
   */
  public void schedule(String text, long from, long until) {
    this.speech = text;
    this.speakAt = from;
    this.endAt = until;
  }

  /**
   * The item starts at {@code at} and waits for the user's LLM: times unknown until
   * {@link #answered}.
   */
  public void awaitAnswer(long at) {
    startAt = at;
    awaitingAnswer = true;
    speakAt = Long.MAX_VALUE;
    endAt = Long.MAX_VALUE;
  }

  /** @param cancel stops fetching the answer */
  public void cancelWith(Runnable cancel) {
    cancelAnswer = cancel;
  }

  /** @return whether the answer is still being fetched */
  public boolean awaitingAnswer() {
    return awaitingAnswer;
  }

  /** Stops fetching the answer, if it is being fetched (the item was cut off). */
  public void cancelAnswer() {
    if (awaitingAnswer && cancelAnswer != null) {
      cancelAnswer.run();
    }
  }

  /** The answer arrived (or failed): nothing is fetched any more. */
  public void answered() {
    awaitingAnswer = false;
  }

  /** @return when the item started (clock millis) */
  public long startAt() {
    return startAt;
  }

  /**
   * The answer plays as these sentences.
   *
   * @param all the sentences in order
   * @param starts each one's first code point in {@link #speech()}
   */
  public void splitInto(List<String> all, int[] starts) {
    sentences = List.copyOf(all);
    sentenceStarts = starts.clone();
  }

  /**
   * @param perCharMillis speaking time per code point
   * @param now clock millis
   * @return the next sentence that has started playing by {@code now} and is not reported yet
   *     (counted as reported), or null
   */
  public String nextStartedSentence(long perCharMillis, long now) {
    if (sentencesReported < sentences.size()
        && speakAt + sentenceStarts[sentencesReported] * perCharMillis <= now) {
      return sentences.get(sentencesReported++);
    }
    return null;
  }

  /**
   * @param perCharMillis speaking time per code point
   * @return when the item's next transition is due (speaking starts, the next sentence starts,
   *     speaking ends; clock millis), {@link Long#MAX_VALUE} while the user's LLM is awaited
   */
  public long nextTransitionAt(long perCharMillis) {
    if (awaitingAnswer) {
      return Long.MAX_VALUE;
    }
    if (!speaking) {
      return speakAt;
    }
    if (sentencesReported < sentences.size()) {
      return speakAt + sentenceStarts[sentencesReported] * perCharMillis;
    }
    return endAt;
  }

  /** Speaking has begun. */
  public void beginSpeaking() {
    speaking = true;
  }
}
