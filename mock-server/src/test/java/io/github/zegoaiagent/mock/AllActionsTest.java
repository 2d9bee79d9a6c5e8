package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import org.junit.jupiter.api.Test;

/** Every action end to end through the embedded server (default config, real clock). */
class AllActionsTest {
  @Test
  void everyActionAnswersCodeZero() {
    try (MockServer server = MockServer.start()) {
      assertThat(AllActions.run(new RawApi(server))).containsExactlyInAnyOrderElementsOf(ActionHandler.table().keySet());
      assertThat(server.instances()).isEmpty();
    }
  }
}
