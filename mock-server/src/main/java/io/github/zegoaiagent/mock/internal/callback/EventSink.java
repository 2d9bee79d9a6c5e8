package io.github.zegoaiagent.mock.internal.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.state.InstanceState;

/** Where the simulation puts the callback events it produces. Called under the state lock. */
public interface EventSink {
  /**
   * @param instance the instance the event is about
   * @param event the Event name, for example {@code AgentInstanceStatus}
   * @param data the event's Data object
   */
  void emit(InstanceState instance, String event, ObjectNode data);
}
