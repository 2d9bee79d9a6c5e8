package io.github.zegoaiagent.mock.internal.callback;

import io.github.zegoaiagent.mock.internal.generated.model.CallbackEnvelope;

/** Where the simulation puts the callback events it produces. Called under the state lock. */
public interface EventSink {
  /**
   * @param about the envelope fields naming the instance (AppId, AgentInstanceId, AgentUserId,
   *     AgentId, Name, RoomId); the sink adds Event, Sequence and, per delivery, the signature
   * @param data the event's Data, a generated {@code *EventData} model; its type names the event
   *     ({@link CallbackEvents#nameOf})
   */
  void emit(CallbackEnvelope about, Object data);

  /**
   * An optional event the instance's CallbackConfig switches off: nothing is sent, but a
   * watcher (the dashboard's timeline) may show that it happened. Called under the state lock.
   *
   * @param about as for {@link #emit}
   * @param data as for {@link #emit}
   */
  default void switchedOff(CallbackEnvelope about, Object data) {
  }
}
