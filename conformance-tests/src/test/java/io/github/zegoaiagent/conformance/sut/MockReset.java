package io.github.zegoaiagent.conformance.sut;

import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.MockControlException;

/**
 * Resets a mock target through the mock's generated control client ({@link MockControlClient}),
 * the same calls for the embedded mock and a separately started one: only the base URL differs.
 */
public final class MockReset {

  private MockReset() { }

  /**
   * Forgets all agents, instances and journal entries of a mock target.
   *
   * @param target a mock target
   * @throws IllegalStateException when the target is not a mock or refuses the control call
   */
  public static void reset(Target target) {
    if (!target.isMock()) {
      throw new IllegalStateException("the live service cannot be reset");
    }
    try {
      MockControlClient.of(target.baseUrl()).reset();
    } catch (MockControlException e) {
      throw new IllegalStateException(e.getMessage() + " (is the control API reachable from this host?)", e);
    }
  }
}
