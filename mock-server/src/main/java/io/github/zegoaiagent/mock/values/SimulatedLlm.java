package io.github.zegoaiagent.mock.values;

import io.github.zegoaiagent.mock.control.model.ContextMessage;
import java.util.List;
import java.util.Objects;

/**
 * The simulated LLM (Java only; over the control API: {@code POST /_mock/llm-reply}): a
 * deterministic function from the question (and what the LLM would see) to the answer the agent
 * speaks. Used for every LLM turn that is not forwarded to the instance's own LLM.
 */
@FunctionalInterface
public interface SimulatedLlm {
  /**
   * @param question the user turn (SendAgentInstanceLLM Text, or the user's utterance)
   * @param systemPrompt the system prompt in force for this call, or null
   * @param window the context messages the LLM sees (the last WindowSize), oldest first (copies)
   * @return the answer; never null
   */
  String answer(String question, String systemPrompt, List<ContextMessage> window);

  /** @return the default: answers {@code "You said: <question>"} */
  static SimulatedLlm echo() {
    return (q, p, w) -> "You said: " + q;
  }

  /**
   * @param text the answer to every question
   * @return a reply that always says {@code text}
   */
  static SimulatedLlm fixed(String text) {
    Objects.requireNonNull(text, "text");
    return (q, p, w) -> text;
  }
}
