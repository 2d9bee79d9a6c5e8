package io.github.zegoaiagent.mock.internal.llm;

/**
 * How a custom-LLM exchange ended: an answer, or an Exception code with a message (never
 * containing the credential). The answer is spoken sentence by sentence ({@link Sentences}).
 *
 * @param answer the whole answer as streamed; null on failure
 * @param exceptionCode 0 on success, else the Exception event's Data.Code
 * @param message on failure, what went wrong
 */
public record LlmOutcome(String answer, int exceptionCode, String message) {

  /** @param answer the whole answer @return a success */
  public static LlmOutcome answer(String answer) {
    return new LlmOutcome(answer, 0, null);
  }

  /** @param code Exception code @param message explanation @return a failure */
  public static LlmOutcome failure(int code, String message) {
    return new LlmOutcome(null, code, message);
  }

  /** @return whether an answer came */
  public boolean ok() {
    return exceptionCode == 0;
  }
}
