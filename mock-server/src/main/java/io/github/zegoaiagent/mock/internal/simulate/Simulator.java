package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.callback.EventSink;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.generated.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.CreateDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateLiveDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHumanInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.GetAgentInstanceMsgListResponse;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.ListeningTurnRequest;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentInstanceStatusResponse;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.RegisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.RoundResponse;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UnregisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentRequest;
import io.github.zegoaiagent.mock.internal.state.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.AppState;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.InstanceView;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated service behind the generated {@link ActionHandler}: it owns the state and takes
 * its locks ({@link Locks}: per instance, per App's agents, per App's creations, never one for
 * everything), then hands each action to its aggregate's handler.
 *
 * <ul>
 *   <li>{@link AgentsHandler}: RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents
 *   <li>{@link InstancesHandler}: the three Create actions, UpdateAgentInstance,
 *       DeleteAgentInstance, QueryAgentInstanceStatus
 *   <li>{@link SpeechHandler}: SendAgentInstanceLLM, SendAgentInstanceTTS, InterruptAgentInstance
 *   <li>{@link TurnsHandler}: StartListening, StopListening, the simulated user, ticking
 *   <li>{@link ContextHandler}: GetAgentInstanceMsgList, ResetAgentInstanceMsgList, AddAgentInstanceMsg
 * </ul>
 *
 * <p>An action on an instance locks that instance only, replays its transitions due at the call's
 * clock time ({@link TurnsHandler#tick}), applies the per-action refusals, then runs. Shared parts:
 * {@link Speech} (the voice on the clock, and {@link Speech#llmAnswer}), {@link InstanceEvents}
 * (every callback event), {@link Instances} (lookup with the per-action refusals, removal).
 * Business refusals are {@link ApiError}s. Modelling choices are listed in the module README.
 */
public final class Simulator implements ActionHandler<CallContext> {
  private final MockState state;
  private final Speech speech;
  private final Instances lookup;
  private final AgentsHandler agents;
  private final InstancesHandler instances;
  private final SpeechHandler speaking;
  private final TurnsHandler turns;
  private final ContextHandler context;

  /**
   * @param rules the settings the simulation reads
   * @param state the state it owns
   * @param mapper JSON mapper (unknown properties ignored)
   * @param sink where callback events go
   * @param llm LLM forwarding to the user's own LLM.Url
   */
  public Simulator(Rules rules, MockState state, ObjectMapper mapper, EventSink sink, LlmTurns llm) {
    this.state = state;
    InstanceEvents events = new InstanceEvents(rules, sink);
    this.speech = new Speech(rules, events, llm);
    this.lookup = new Instances(state, events);
    ContractDefaults defaults = ContractDefaults.load();
    this.agents = new AgentsHandler(rules, mapper, defaults);
    this.instances = new InstancesHandler(rules, state, mapper, lookup, events, speech, defaults);
    this.speaking = new SpeechHandler(rules, speech);
    this.turns = new TurnsHandler(rules, speech, lookup, events);
    this.context = new ContextHandler(rules);
  }

  /** @param reply the simulated LLM from now on */
  public void setLlmReply(SimulatedLlm reply) {
    speech.setReply(reply);
  }

  /** Replays every transition due at {@code now}, instance by instance (each under its own lock). */
  public void tick(long now) {
    for (InstanceState inst : state.allInstances()) {
      Locks.instance(inst, () -> turns.tick(inst, now));
    }
  }

  /**
   * Like {@link #tick} for the running clock's ticker, which never waits: an instance busy right
   * now is skipped (its own action has just replayed what was due, or its next tick will).
   */
  public void tickFree(long now) {
    for (InstanceState inst : state.allInstances()) {
      Locks.ifFree(inst, () -> turns.tick(inst, now));
    }
  }

  /**
   * @param now mock-clock millis
   * @return the next time after {@code now} something is scheduled (a script step, a MaxIdleTime
   *     deletion, a speech transition, a graceful shutdown's deadline), or {@link Long#MAX_VALUE}
   */
  public long nextDue(long now) {
    long next = Long.MAX_VALUE;
    for (InstanceState inst : state.allInstances()) {
      next = Math.min(next, Locks.instance(inst, () -> turns.nextDue(inst, now)));
    }
    return next;
  }

  // ------------------------------------------------------------------ locking

  private <T> T onAgents(CallContext ctx, Function<AppState, T> work) {
    AppState app = state.app(ctx.appId());
    return Locks.agents(app, () -> work.apply(app));
  }

  /** A create action: under the App's create lock, with the agent it names (or null). */
  private <T> T create(CallContext ctx, String agentId, BiFunction<AppState, AgentRecord, T> work) {
    AppState app = state.app(ctx.appId());
    return Locks.create(app, () -> work.apply(app, Locks.agents(app, () -> app.agent(agentId))));
  }

  /** An action on one instance: under its lock only, after replaying what came due. */
  private <T> T onInstance(CallContext ctx, String id, Function<InstanceState, T> work) {
    InstanceState inst = lookup.lookup(ctx, id);
    return Locks.instance(inst, () -> {
      turns.tick(inst, ctx.nowMillis());
      lookup.check(ctx, inst);
      return work.apply(inst);
    });
  }

  // ------------------------------------------------------------------ agents

  @Override
  public EmptyResponse registerAgent(CallContext ctx, RegisterAgentRequest req) {
    AgentRecord r = agents.recordOf(ctx, req);
    return onAgents(ctx, app -> agents.registerAgent(app, r));
  }

  @Override
  public EmptyResponse unregisterAgent(CallContext ctx, UnregisterAgentRequest req) {
    return onAgents(ctx, app -> agents.unregisterAgent(app, req));
  }

  @Override
  public EmptyResponse updateAgent(CallContext ctx, UpdateAgentRequest req) {
    while (true) { // built outside the lock; again if the agent changed meanwhile
      AgentRecord old = onAgents(ctx, app -> agents.current(app, req.getAgentId()));
      AgentRecord updated = agents.updated(ctx, old, req);
      if (onAgents(ctx, app -> agents.replace(app, old, updated))) {
        return new EmptyResponse();
      }
    }
  }

  @Override
  public ListAgentsResponse listAgents(CallContext ctx, ListAgentsRequest req) {
    return onAgents(ctx, app -> agents.listAgents(app, req));
  }

  @Override
  public QueryAgentsResponse queryAgents(CallContext ctx, QueryAgentsRequest req) {
    return onAgents(ctx, app -> agents.queryAgents(app, req));
  }

  // ------------------------------------------------------------------ instances

  @Override
  public CreateAgentInstanceResponse createAgentInstance(CallContext ctx, CreateAgentInstanceRequest req) {
    return create(ctx, req.getAgentId(), (app, agent) -> instances.createAgentInstance(ctx, app, agent, req));
  }

  @Override
  public DigitalHumanInstanceResponse createDigitalHumanAgentInstance(CallContext ctx,
      CreateDigitalHumanAgentInstanceRequest req) {
    return create(ctx, req.getAgentId(), (app, agent) -> instances.createDigitalHumanAgentInstance(ctx, app, agent, req));
  }

  @Override
  public DigitalHumanInstanceResponse createLiveDigitalHumanAgentInstance(CallContext ctx,
      CreateLiveDigitalHumanAgentInstanceRequest req) {
    return create(ctx, req.getAgentId(), (app, agent) -> instances.createLiveDigitalHumanAgentInstance(ctx, app, agent, req));
  }

  @Override
  public EmptyResponse updateAgentInstance(CallContext ctx, UpdateAgentInstanceRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> instances.updateAgentInstance(ctx, inst, req));
  }

  @Override
  public EmptyResponse deleteAgentInstance(CallContext ctx, DeleteAgentInstanceRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> instances.deleteAgentInstance(ctx, inst, req));
  }

  @Override
  public QueryAgentInstanceStatusResponse queryAgentInstanceStatus(CallContext ctx, AgentInstanceIdRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> instances.queryAgentInstanceStatus(ctx, inst, req));
  }

  // ------------------------------------------------------------------ speech

  @Override
  public RoundResponse sendAgentInstanceLLM(CallContext ctx, SendAgentInstanceLLMRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> speaking.sendAgentInstanceLLM(ctx, inst, req));
  }

  @Override
  public RoundResponse sendAgentInstanceTTS(CallContext ctx, SendAgentInstanceTTSRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> speaking.sendAgentInstanceTTS(ctx, inst, req));
  }

  @Override
  public RoundResponse interruptAgentInstance(CallContext ctx, AgentInstanceIdRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> speaking.interruptAgentInstance(ctx, inst, req));
  }

  // ------------------------------------------------------------------ turns

  @Override
  public RoundResponse startListening(CallContext ctx, ListeningTurnRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> turns.startListening(ctx, inst, req));
  }

  @Override
  public RoundResponse stopListening(CallContext ctx, ListeningTurnRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> turns.stopListening(ctx, inst, req));
  }

  // ------------------------------------------------------------------ context

  @Override
  public GetAgentInstanceMsgListResponse getAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> context.getAgentInstanceMsgList(ctx, inst, req));
  }

  @Override
  public EmptyResponse resetAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> context.resetAgentInstanceMsgList(ctx, inst, req));
  }

  @Override
  public EmptyResponse addAgentInstanceMsg(CallContext ctx, AddAgentInstanceMsgRequest req) {
    return onInstance(ctx, req.getAgentInstanceId(), inst -> context.addAgentInstanceMsg(ctx, inst, req));
  }

  // ------------------------------------------------------------------ control API hooks
  // The state leaves this package only as snapshots.

  /**
   * Forgets every App's agents and instances without a callback (ids keep increasing); their
   * memory is given back.
   */
  public void reset() {
    for (AppState app : state.clear()) {
      for (InstanceState inst : app.registered()) {
        Locks.instance(inst, () -> {
          if (!inst.ended()) {
            inst.end();
          }
        });
      }
      Locks.agents(app, () -> {
        app.forgetAgents();
        return null;
      });
    }
  }

  /**
   * @param appId App
   * @return its agents as stored, sorted by AgentId
   */
  public List<AgentRecord> agents(long appId) {
    AppState app = state.app(appId);
    return Locks.agents(app, () -> List.copyOf(app.agents().values()));
  }

  /** @return every running instance of every App, by AppId then in creation order, as of {@code now} */
  public List<InstanceView> snapshots(long now) {
    List<InstanceView> out = new ArrayList<>();
    for (InstanceState inst : state.allInstances()) {
      InstanceView v = Locks.instance(inst, () -> {
        turns.tick(inst, now);
        return inst.ended() ? null : inst.snapshot();
      });
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * @param agentInstanceId id (of any App)
   * @return the instance as of {@code now}, if it runs
   */
  public Optional<InstanceView> snapshot(String agentInstanceId, long now) {
    InstanceState inst = find(agentInstanceId);
    return inst == null ? Optional.empty() : Optional.ofNullable(Locks.instance(inst, () -> {
      turns.tick(inst, now);
      return inst.ended() ? null : inst.snapshot();
    }));
  }

  private InstanceState find(String id) {
    for (Long app : state.appIds()) {
      InstanceState i = state.app(app).instance(id);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  /** Applies a change of the simulated user between two ticks, under the instance's lock. */
  private void onInstance(String id, long now, Consumer<InstanceState> change) {
    InstanceState found = find(id);
    if (found == null) {
      throw new NoSuchElementException("no running instance " + id);
    }
    Locks.instance(found, () -> {
      turns.tick(found, now);
      if (found.ended()) {
        throw new NoSuchElementException("no running instance " + id);
      }
      change.accept(found);
      turns.tick(found, now);
    });
  }

  /**
   * What the instance's simulated user does: each non-null part is applied, in one step.
   *
   * @param present whether the user is in the room (MaxIdleTime counts from leaving), or null
   * @param userId the user {@code publishing} is about (null: the instance's user)
   * @param publishing whether that user publishes a stream (StartListening needs it), or null
   * @param utterance what the user says in the next walkie-talkie turns, or null
   * @throws NoSuchElementException when the instance does not run
   * @throws IllegalStateException when a user cannot be tracked (cap, memory budget)
   */
  public void simulateUser(String agentInstanceId, Boolean present, String userId, Boolean publishing,
      String utterance, long now) {
    onInstance(agentInstanceId, now, i -> {
      if (present != null) {
        turns.setUserPresent(i, present, now);
      }
      if (publishing != null) {
        turns.setUserPublishing(i, userId, publishing);
      }
      if (utterance != null) {
        turns.setUserUtterance(i, utterance);
      }
    });
  }

  /**
   * Loads a conversation script for an instance (replacing what remains of an earlier one); its
   * times count from {@code now}.
   *
   * @throws NoSuchElementException when the instance does not run
   * @throws IllegalArgumentException when the instance cannot play it (walkie-talkie speech)
   * @throws IllegalStateException when it does not fit in the memory budget
   */
  public void loadScript(String agentInstanceId, ConversationScript script, long now) {
    onInstance(agentInstanceId, now, i -> turns.loadScript(i, script, now));
  }
}
