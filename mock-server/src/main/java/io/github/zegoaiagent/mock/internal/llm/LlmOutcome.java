package io.github.zegoaiagent.mock.internal.llm;

import java.util.List;

/**
 * How a custom-LLM exchange ended: an answer (and its sentences), or an Exception code with a
 * message (never containing the credential).
 *
 * @param answer the whole answer as streamed; null on failure
 * @param sentences the answer's sentences in order; empty on failure
 * @param exceptionCode 0 on success, else the Exception event's Data.Code
 * @param message on failure, what went wrong
 */
public record LlmOutcome(String answer, List<String> sentences, int exceptionCode, String message) {
  /** Copies the list. */
  public LlmOutcome {
    sentences = List.copyOf(sentences);
  }

  /** @param answer the whole answer @return a success */
  public static LlmOutcome answer(String answer) {
    return new LlmOutcome(answer, Sentences.split(answer), 0, null);
  }

  /** @param code Exception code @param message explanation @return a failure */
  public static LlmOutcome failure(int code, String message) {
    return new LlmOutcome(null, List.of(), code, message);
  }

  /** @return whether an answer came */
  public boolean ok() {
    return exceptionCode == 0;
  }
}
