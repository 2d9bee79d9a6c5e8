package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.state.InstanceKind;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import java.util.stream.Collectors;

/**
 * Finds the instance an action addresses, with the refusals the contract lists per action, and
 * removes instances (with their AgentInstanceDeleted event).
 */
final class Instances {
  private final MockState state;
  private final InstanceEvents events;
  private final String liveAllowedActions;

  Instances(MockState state, InstanceEvents events) {
    this.state = state;
    this.events = events;
    this.liveAllowedActions = ActionHandler.<CallContext>table().values().stream()
        .filter(ActionHandler.Action::liveDigitalHumanAllowed).map(ActionHandler.Action::name)
        .collect(Collectors.joining(", "));
  }

  /** @return the running instance {@code id} of the caller's App (not locked yet) */
  InstanceState lookup(CallContext ctx, String id) {
    InstanceState inst = state.app(ctx.appId()).instance(id);
    if (inst == null) {
      throw notFound(id);
    }
    return inst;
  }

  /** Applies the per-action refusals the contract lists; under the instance's lock, after its tick. */
  void check(CallContext ctx, InstanceState inst) {
    if (inst.ended()) {
      throw notFound(inst.id());
    }
    if (inst.kind() == InstanceKind.LIVE_DIGITAL_HUMAN && !ctx.action().liveDigitalHumanAllowed()) {
      throw new ApiError(Codes.LIVE_DIGITAL_HUMAN_CONTROL_FORBIDDEN, ctx.action().name()
          + " is not allowed on live digital-human instance " + inst.id() + "; allowed: " + liveAllowedActions);
    }
    if (inst.isShuttingDown() && ctx.action().errorCodes().contains(Codes.INSTANCE_SHUTTING_DOWN)) {
      throw new ApiError(Codes.INSTANCE_SHUTTING_DOWN,
          "instance " + inst.id() + " is shutting down gracefully; no further operations");
    }
  }

  private static ApiError notFound(String id) {
    return new ApiError(Codes.INSTANCE_NOT_FOUND,
        "agent instance not found: " + id + " (never created, or already deleted)");
  }

  /**
   * Deletes the instance (under its lock) and emits AgentInstanceDeleted.
   *
   * @param code the event's Code: 0 for DeleteAgentInstance, else why the service ended it
   */
  void remove(InstanceState inst, int code, long now) {
    state.app(inst.appId()).removeInstance(inst);
    inst.end();
    events.deleted(inst, code, now);
  }
}
