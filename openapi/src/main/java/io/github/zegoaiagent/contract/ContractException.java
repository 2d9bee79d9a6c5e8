package io.github.zegoaiagent.contract;

import java.util.List;

/**
 * The document is not a contract this model can read: unreadable YAML, or an {@code x-zego-*}
 * extension (or another fact the model relies on) of the wrong form. The message names the
 * document and, for each problem, the JSON pointer where it sits.
 */
public final class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @serial the problems, one line each, each starting with a JSON pointer */
  private final List<String> problems;

  ContractException(String source, List<String> problems) {
    super(source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + " in the contract:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  ContractException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.problems = List.of(problem);
  }

  /** @return every problem found, one line each, e.g. {@code #/paths/~1X/post/x-zego-errors: ...} */
  public List<String> problems() {
    return problems;
  }
}
