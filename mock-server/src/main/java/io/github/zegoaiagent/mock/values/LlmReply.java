package io.github.zegoaiagent.mock.values;

import io.github.zegoaiagent.mock.values.ContextMessage;
import java.util.List;
import java.util.Objects;

/**
 * The simulated LLM: a deterministic function from the question (and what the LLM would see) to
 * the answer the agent speaks.
 */
@FunctionalInterface
public interface LlmReply {
  /**
   * @param question the user turn (SendAgentInstanceLLM Text, or the walkie-talkie utterance)
   * @param systemPrompt the system prompt in force for this call, or null
   * @param window the context messages the LLM sees (the last WindowSize), oldest first
   * @return the answer; never null
   */
  String answer(String question, String systemPrompt, List<ContextMessage> window);

  /** @return the default: answers {@code "You said: <question>"} */
  static LlmReply echo() {
    return (q, p, w) -> "You said: " + q;
  }

  /**
   * @param text the answer to every question
   * @return a reply that always says {@code text}
   */
  static LlmReply fixed(String text) {
    Objects.requireNonNull(text, "text");
    return (q, p, w) -> text;
  }
}
