package io.github.zegoaiagent.mock.internal.state;

/**
 * One piece of agent output, playing or waiting: a TTS text, or an LLM call whose answer is
 * spoken after the thinking time. Mutable; guarded by the {@link MockState} lock.
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

  public final long round;
  public final Source source;
  /** 0 = Low, 1 = Medium, 2 = High. */
  public final int priority;
  /** TTS: the text; LLM/TURN: the question. */
  public final String input;
  public final String systemPrompt;
  public final boolean addQuestionToHistory;
  public final boolean addAnswerToHistory;

  /** Text spoken; for LLM items known once thinking starts. */
  public String speech;
  public long startAt = -1;
  public long speakAt = -1;
  public long endAt = -1;
  public boolean speaking;
  /** LLM/TURN: the answer is being fetched from the user's LLM (forwarding); times unknown yet. */
  public boolean awaitingAnswer;
  /** Stops fetching the answer (the item was cut off); null when nothing is fetched. */
  public Runnable cancelAnswer;
  /** Start of each sentence in {@link #speech}, in code points (one LLMResult each). */
  public int[] sentenceStarts = new int[0];
  /** The sentences themselves. */
  public java.util.List<String> sentences = java.util.List.of();
  /** LLMResult events sent so far (one per sentence once it starts playing). */
  public int sentencesReported;

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
}
