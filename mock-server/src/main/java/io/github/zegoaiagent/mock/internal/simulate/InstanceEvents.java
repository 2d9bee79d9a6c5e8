package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.callback.CallbackEvents;
import io.github.zegoaiagent.mock.internal.callback.EventSink;
import io.github.zegoaiagent.mock.internal.generated.model.ASRResultEventData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceCreatedEventData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceDeletedEventData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceStatusEventData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentStatus;
import io.github.zegoaiagent.mock.internal.generated.model.CallbackEnvelope;
import io.github.zegoaiagent.mock.internal.generated.model.ExceptionEventData;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData;
import io.github.zegoaiagent.mock.internal.generated.model.LLMResultEventData;
import io.github.zegoaiagent.mock.internal.generated.model.LatencyData;
import io.github.zegoaiagent.mock.internal.generated.model.SpeakAction;
import io.github.zegoaiagent.mock.internal.generated.model.UserSpeakActionEventData;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.values.InstanceStatus;
import java.math.BigDecimal;

/**
 * The one place the simulation emits callback events (reference §8), each as its generated
 * {@code *EventData} model; the {@link EventSink} adds the envelope. Optional events go out only
 * when the instance's CallbackConfig switch of the same name is on; AgentInstanceCreated,
 * AgentInstanceDeleted and Exception always do. Called under the state lock.
 *
 * <p>Seam for issue 16 and later work: a handler that wants to tell the App something calls one
 * of these methods (add one per new event, never build JSON by hand).
 */
final class InstanceEvents {
  /** Simulated LLM output rate in LatencyData.LLMTPS (tokens per second). */
  private static final BigDecimal SIMULATED_LLM_TPS = BigDecimal.valueOf(20.0);

  private final SimulationSettings config;
  private final EventSink sink;

  InstanceEvents(SimulationSettings config, EventSink sink) {
    this.config = config;
    this.sink = sink;
  }

  void created(InstanceState inst) {
    emit(inst, new AgentInstanceCreatedEventData().createdTimestamp(inst.createdAt()));
  }

  void deleted(InstanceState inst, int code, long now) {
    int think = (int) config.llmThinkTime().toMillis();
    emit(inst, new AgentInstanceDeletedEventData().code(code).deletedTimestamp(now)
        .latencyData(new LatencyData().LLMTTFT(think).LLMTPS(SIMULATED_LLM_TPS)
            .ttSAudioFirstFrameTime(0).totalCost(think)));
  }

  void exception(InstanceState inst, int code, String message, long round) {
    emit(inst, new ExceptionEventData().code(code).message(message).round(round));
  }

  void status(InstanceState inst, InstanceStatus status, long round) {
    emitIfOn(inst, new AgentInstanceStatusEventData()
        .status(AgentStatus.fromValue(status.wireValue())).round(round));
  }

  void interrupted(InstanceState inst, long round, InterruptedEventData.ReasonEnum reason, String played) {
    emitIfOn(inst, new InterruptedEventData().round(round).reason(reason).playedText(played));
  }

  void llmResult(InstanceState inst, long round, String text) {
    emitIfOn(inst, new LLMResultEventData().round(round).text(text));
  }

  void asrResult(InstanceState inst, String userId, long round, String text) {
    emitIfOn(inst, new ASRResultEventData().userId(userId).round(round).text(text));
  }

  void userSpeak(InstanceState inst, String userId, SpeakAction action, long round) {
    emitIfOn(inst, new UserSpeakActionEventData().userId(userId).action(action).round(round));
  }

  private void emitIfOn(InstanceState inst, Object data) {
    if (inst.callbackOn(CallbackEvents.nameOf(data.getClass()))) {
      emit(inst, data);
    } else {
      sink.switchedOff(about(inst), data); // not sent; the dashboard's timeline still shows it
    }
  }

  private void emit(InstanceState inst, Object data) {
    sink.emit(about(inst), data);
  }

  private static CallbackEnvelope about(InstanceState inst) {
    return new CallbackEnvelope().appId(inst.appId()).agentInstanceId(inst.id())
        .agentUserId(inst.agentUserId()).agentId(inst.agentId()).name(inst.agentName())
        .roomId(inst.roomId());
  }
}
