package io.github.zegoaiagent.client.error;

import io.github.zegoaiagent.client.validate.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks the contract's constraints; it was refused locally and nothing was sent.
 */
public class ZegoValidationException extends ZegoException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * @param action the action
   * @param violations every broken constraint, at least one
   */
  public ZegoValidationException(String action, List<Violation> violations) {
    super(action, action + " request refused before sending, " + violations.size() + " violation(s):\n  "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")), null);
    this.violations = List.copyOf(violations);
  }

  /** @return every broken constraint, sorted by field path */
  public List<Violation> violations() {
    return violations;
  }
}
