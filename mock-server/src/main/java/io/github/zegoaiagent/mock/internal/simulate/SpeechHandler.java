package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData.ReasonEnum;
import io.github.zegoaiagent.mock.internal.generated.model.Priority;
import io.github.zegoaiagent.mock.internal.generated.model.RoundData;
import io.github.zegoaiagent.mock.internal.generated.model.RoundResponse;
import io.github.zegoaiagent.mock.internal.generated.model.SamePriorityOption;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.internal.state.InstanceStatus;

/**
 * The speech aggregate: SendAgentInstanceLLM, SendAgentInstanceTTS and InterruptAgentInstance on
 * the typed requests; priorities and SamePriorityOption decide what plays ({@link Speech}). Runs
 * under the instance's lock. An item the memory budget has no room for is refused with the
 * action's "trigger failed" code.
 */
final class SpeechHandler {
  private final Rules config;
  private final Speech speech;

  SpeechHandler(Rules config, Speech speech) {
    this.config = config;
    this.speech = speech;
  }

  public RoundResponse sendAgentInstanceLLM(CallContext ctx, InstanceState inst, SendAgentInstanceLLMRequest req) {
    TurnsHandler.refuseWhileListening(inst);
    boolean enqueue = req.getSamePriorityOption() == SamePriorityOption.ENQUEUE;
    int prio = priority(req.getPriority());
    Speech.Decision d = Speech.decide(inst, prio, enqueue);
    if (d == Speech.Decision.ENQUEUE && inst.voice().queued() >= config.limits().enqueueMax()) {
      throw new ApiError(Codes.TRIGGER_LLM_FAILED, queueFull(inst));
    }
    // Raw view: whether AddAnswerToHistory was sent (the typed request holds its default either
    // way), because a configured default replaces the contract's only when it was not sent.
    Boolean configured = config.simulation().addAnswerToHistoryDefault();
    boolean addAnswer = ctx.sent("AddAnswerToHistory") || configured == null
        ? req.getAddAnswerToHistory() : configured;
    SpeechItem item = new SpeechItem(inst.lastRound() + 1, SpeechItem.Source.LLM, prio, req.getText(),
        req.getSystemPrompt(), req.getAddQuestionToHistory(), addAnswer);
    keep(inst, item, Codes.TRIGGER_LLM_FAILED);
    inst.nextRound();
    speech.apply(inst, d, item, !enqueue, ReasonEnum.SEND_LLM, ctx.nowMillis());
    return round(item.round());
  }

  /** Charges the item's text to the instance's memory, or refuses the request with {@code code}. */
  private static void keep(InstanceState inst, SpeechItem item, int code) {
    if (!inst.voice().charge(item, item.requestBytes())) {
      throw new ApiError(code, "Text: " + inst.memory().budget().refusal() + " (" + item.input().length()
          + " characters); delete instances or wait until speech ends");
    }
  }

  @SuppressWarnings("deprecation") // the deprecated InterruptMode is what the service still honours
  public RoundResponse sendAgentInstanceTTS(CallContext ctx, InstanceState inst, SendAgentInstanceTTSRequest req) {
    if (inst.ttsDisabled()) {
      throw new ApiError(Codes.TRIGGER_TTS_FAILED,
          "TTS is disabled for instance " + inst.id() + " (AdvancedConfig.DisableTTS)");
    }
    TurnsHandler.refuseWhileListening(inst);
    int prio = priority(req.getPriority());
    boolean enqueue = req.getSamePriorityOption() == SamePriorityOption.ENQUEUE;
    // Raw view: the deprecated InterruptMode counts only when Priority was not sent (the typed
    // request holds Priority's default either way).
    if (!ctx.sent("Priority") && ctx.sent("InterruptMode")) {
      // InterruptMode: 0 = Medium + ClearAndInterrupt, 1 = High + ClearAndInterrupt.
      prio = req.getInterruptMode() == SendAgentInstanceTTSRequest.InterruptModeEnum.HIGH
          ? priority(Priority.HIGH) : priority(Priority.MEDIUM);
      enqueue = false;
    }
    Speech.Decision d = Speech.decide(inst, prio, enqueue);
    if (d == Speech.Decision.ENQUEUE && inst.voice().queued() >= config.limits().enqueueMax()) {
      throw new ApiError(Codes.TRIGGER_TTS_FAILED, queueFull(inst));
    }
    SpeechItem item = new SpeechItem(inst.lastRound() + 1, SpeechItem.Source.TTS, prio, req.getText(),
        null, false, req.getAddHistory());
    keep(inst, item, Codes.TRIGGER_TTS_FAILED);
    inst.nextRound();
    inst.drivenAt(ctx.nowMillis());
    speech.apply(inst, d, item, !enqueue, ReasonEnum.SEND_TTS, ctx.nowMillis());
    return round(item.round());
  }

  public RoundResponse interruptAgentInstance(CallContext ctx, InstanceState inst, AgentInstanceIdRequest req) {
    long round = inst.voice().current() != null ? inst.voice().current().round() : inst.lastRound();
    speech.interrupt(inst, ctx.nowMillis(), ReasonEnum.INTERRUPT_API);
    inst.voice().clearQueue();
    if (inst.walkie().user() == null) {
      speech.setStatus(inst, InstanceStatus.IDLE, round);
    }
    return round(round);
  }

  private String queueFull(InstanceState inst) {
    return "SamePriorityOption Enqueue: the queue of instance " + inst.id() + " is full ("
        + config.limits().enqueueMax() + " requests waiting)";
  }

  /** @return 0 (Low), 1 (Medium) or 2 (High): the order of the contract's Priority enum */
  static int priority(Priority p) {
    return (p == null || p == Priority.UNKNOWN_DEFAULT_OPEN_API ? Priority.MEDIUM : p).ordinal();
  }

  static RoundResponse round(long r) {
    return new RoundResponse().data(new RoundData().round(r));
  }
}
