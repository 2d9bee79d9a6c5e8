package io.github.zegoaiagent.mock.internal.callback;

import io.github.zegoaiagent.mock.internal.state.InstanceState;

/** Where the simulation puts the callback events it produces. Called under the state lock. */
public interface EventSink {
  /**
   * @param instance the instance the event is about (its envelope fields: AppId, AgentInstanceId, ...)
   * @param data the event's Data, a generated {@code *EventData} model; its type names the event
   *     ({@link CallbackEvents#nameOf})
   */
  void emit(InstanceState instance, Object data);
}
