package io.github.zegoaiagent.mock.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceStatusEventData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentStatus;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event names come from the contract's CallbackEvent discriminator, one per generated Data type. */
class CallbackEventsTest {
  @Test
  void everyDiscriminatorValueHasItsDataType() {
    List<String> mapping = new ArrayList<>();
    Contract.load().root().at("/components/schemas/CallbackEvent/discriminator/mapping")
        .fieldNames().forEachRemaining(mapping::add);
    assertThat(mapping).isNotEmpty();
    assertThat(CallbackEvents.all().values()).containsExactlyInAnyOrderElementsOf(mapping);
    assertThat(CallbackEvents.nameOf(AgentInstanceStatusEventData.class)).isEqualTo("AgentInstanceStatus");
    assertThat(CallbackEvents.nameOf(InterruptedEventData.class)).isEqualTo("Interrupted");
  }

  @Test
  void aTypeThatIsNoEventsDataIsRefused() {
    assertThatThrownBy(() -> CallbackEvents.nameOf(AgentStatus.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AgentStatus");
  }
}
