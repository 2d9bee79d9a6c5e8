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
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.values.AgentRecord;
import io.github.zegoaiagent.mock.values.InstanceSnapshot;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.values.LlmReply;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated service behind the generated {@link ActionHandler}: a thin composite that hands
 * each action to its aggregate's handler, plus the clock and the control hooks.
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
 * <p>Shared parts: {@link Speech} (the voice on the clock, and {@link Speech#llmAnswer}, the LLM's
 * answer), {@link InstanceEvents} (every callback event), {@link Instances} (lookup with the
 * per-action refusals, removal). Every call runs under the state lock after replaying the
 * transitions due at the call's clock time ({@link #tick(long)}). Business refusals are
 * {@link ApiError}s. Modelling choices are listed in the module README.
 */
public final class Simulator implements ActionHandler<CallContext> {
  private final MockState state;
  private final Speech speech;
  private final AgentsHandler agents;
  private final InstancesHandler instances;
  private final SpeechHandler speaking;
  private final TurnsHandler turns;
  private final ContextHandler context;

  /**
   * @param config configuration
   * @param state the one state object (its monitor is the lock)
   * @param mapper JSON mapper (unknown properties ignored)
   * @param sink where callback events go
   */
  public Simulator(SimulationSettings config, MockState state, ObjectMapper mapper, EventSink sink) {
    this(config, state, mapper, sink, LlmTurns.off());
  }

  /**
   * @param config configuration
   * @param state the one state object (its monitor is the lock)
   * @param mapper JSON mapper (unknown properties ignored)
   * @param sink where callback events go
   * @param llm LLM forwarding to the user's own LLM.Url (issue 16)
   */
  public Simulator(SimulationSettings config, MockState state, ObjectMapper mapper, EventSink sink,
      LlmTurns llm) {
    this.state = state;
    InstanceEvents events = new InstanceEvents(config, sink);
    this.speech = new Speech(config, events, llm);
    Instances lookup = new Instances(state, events);
    ContractDefaults defaults = ContractDefaults.load();
    this.agents = new AgentsHandler(config, state, mapper, defaults);
    this.instances = new InstancesHandler(config, state, mapper, lookup, events, speech, defaults);
    this.speaking = new SpeechHandler(config, speech, lookup);
    this.turns = new TurnsHandler(config, state, speech, lookup, events);
    this.context = new ContextHandler(config, speech, lookup);
  }

  /** @param reply the simulated LLM from now on */
  public void setLlmReply(LlmReply reply) {
    speech.setReply(reply);
  }

  /** @return the state this simulator works on (lock it to read) */
  public MockState state() {
    return state;
  }

  /**
   * Replays every transition due at {@code now}: speech, graceful shutdowns, MaxIdleTime.
   * Call while holding the state lock.
   */
  public void tick(long now) {
    turns.tick(now);
  }

  // ------------------------------------------------------------------ agents

  @Override
  public EmptyResponse registerAgent(CallContext ctx, RegisterAgentRequest req) {
    return agents.registerAgent(ctx, req);
  }

  @Override
  public EmptyResponse unregisterAgent(CallContext ctx, UnregisterAgentRequest req) {
    return agents.unregisterAgent(ctx, req);
  }

  @Override
  public EmptyResponse updateAgent(CallContext ctx, UpdateAgentRequest req) {
    return agents.updateAgent(ctx, req);
  }

  @Override
  public ListAgentsResponse listAgents(CallContext ctx, ListAgentsRequest req) {
    return agents.listAgents(ctx, req);
  }

  @Override
  public QueryAgentsResponse queryAgents(CallContext ctx, QueryAgentsRequest req) {
    return agents.queryAgents(ctx, req);
  }

  // ------------------------------------------------------------------ instances

  @Override
  public CreateAgentInstanceResponse createAgentInstance(CallContext ctx, CreateAgentInstanceRequest req) {
    return instances.createAgentInstance(ctx, req);
  }

  @Override
  public DigitalHumanInstanceResponse createDigitalHumanAgentInstance(CallContext ctx,
      CreateDigitalHumanAgentInstanceRequest req) {
    return instances.createDigitalHumanAgentInstance(ctx, req);
  }

  @Override
  public DigitalHumanInstanceResponse createLiveDigitalHumanAgentInstance(CallContext ctx,
      CreateLiveDigitalHumanAgentInstanceRequest req) {
    return instances.createLiveDigitalHumanAgentInstance(ctx, req);
  }

  @Override
  public EmptyResponse updateAgentInstance(CallContext ctx, UpdateAgentInstanceRequest req) {
    return instances.updateAgentInstance(ctx, req);
  }

  @Override
  public EmptyResponse deleteAgentInstance(CallContext ctx, DeleteAgentInstanceRequest req) {
    return instances.deleteAgentInstance(ctx, req);
  }

  @Override
  public QueryAgentInstanceStatusResponse queryAgentInstanceStatus(CallContext ctx, AgentInstanceIdRequest req) {
    return instances.queryAgentInstanceStatus(ctx, req);
  }

  // ------------------------------------------------------------------ speech

  @Override
  public RoundResponse sendAgentInstanceLLM(CallContext ctx, SendAgentInstanceLLMRequest req) {
    return speaking.sendAgentInstanceLLM(ctx, req);
  }

  @Override
  public RoundResponse sendAgentInstanceTTS(CallContext ctx, SendAgentInstanceTTSRequest req) {
    return speaking.sendAgentInstanceTTS(ctx, req);
  }

  @Override
  public RoundResponse interruptAgentInstance(CallContext ctx, AgentInstanceIdRequest req) {
    return speaking.interruptAgentInstance(ctx, req);
  }

  // ------------------------------------------------------------------ turns

  @Override
  public RoundResponse startListening(CallContext ctx, ListeningTurnRequest req) {
    return turns.startListening(ctx, req);
  }

  @Override
  public RoundResponse stopListening(CallContext ctx, ListeningTurnRequest req) {
    return turns.stopListening(ctx, req);
  }

  // ------------------------------------------------------------------ context

  @Override
  public GetAgentInstanceMsgListResponse getAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return context.getAgentInstanceMsgList(ctx, req);
  }

  @Override
  public EmptyResponse resetAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return context.resetAgentInstanceMsgList(ctx, req);
  }

  @Override
  public EmptyResponse addAgentInstanceMsg(CallContext ctx, AddAgentInstanceMsgRequest req) {
    return context.addAgentInstanceMsg(ctx, req);
  }

  // ------------------------------------------------------------------ control API hooks
  // Each takes the state lock itself; the state leaves this package only as snapshots.

  /** Forgets every App's agents and instances (ids keep increasing). */
  public void reset() {
    synchronized (state) {
      state.clear();
    }
  }

  /**
   * @param appId App
   * @return its agents as stored, sorted by AgentId
   */
  public List<AgentRecord> agents(long appId) {
    synchronized (state) {
      return List.copyOf(state.app(appId).agents().values());
    }
  }

  /** @return every running instance of every App, in creation order per App */
  public List<InstanceSnapshot> snapshots() {
    synchronized (state) {
      List<InstanceSnapshot> out = new ArrayList<>();
      state.allInstances().forEach(i -> out.add(i.snapshot()));
      return out;
    }
  }

  /**
   * @param agentInstanceId id (of any App)
   * @return the instance now, if it runs
   */
  public Optional<InstanceSnapshot> snapshot(String agentInstanceId) {
    synchronized (state) {
      return Optional.ofNullable(find(agentInstanceId)).map(InstanceState::snapshot);
    }
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

  /** Applies a change of the simulated user between two ticks, under the lock. */
  private void onInstance(String id, long now, Consumer<InstanceState> change) {
    synchronized (state) {
      tick(now);
      InstanceState i = find(id);
      if (i == null) {
        throw new NoSuchElementException("no running instance " + id);
      }
      change.accept(i);
      tick(now);
    }
  }

  /**
   * Makes a user publish a stream or stop (StartListening needs it).
   *
   * @param userId user, or null for the instance's user
   * @throws NoSuchElementException when the instance does not run
   */
  public void setUserPublishing(String agentInstanceId, String userId, boolean publishing, long now) {
    onInstance(agentInstanceId, now, i -> turns.setUserPublishing(i, userId, publishing));
  }

  /**
   * Sets what the user says in the instance's next walkie-talkie turns: the content of a
   * simulated user turn ({@link TurnsHandler#stopListening} hands it to the LLM).
   *
   * @throws NoSuchElementException when the instance does not run
   */
  public void setUserUtterance(String agentInstanceId, String text, long now) {
    onInstance(agentInstanceId, now, i -> turns.setUserUtterance(i, text));
  }

  /**
   * Loads a conversation script for an instance (replacing what remains of an earlier one); its
   * times count from {@code now}.
   *
   * @throws NoSuchElementException when the instance does not run
   * @throws IllegalArgumentException when the instance cannot play it (walkie-talkie speech)
   */
  public void loadScript(String agentInstanceId, ConversationScript script, long now) {
    onInstance(agentInstanceId, now, i -> turns.loadScript(i, script, now));
  }

  /**
   * @param now mock-clock millis
   * @return the next time after {@code now} something is scheduled (a script step, a MaxIdleTime
   *     deletion, a speech transition, a graceful shutdown's deadline), or {@link Long#MAX_VALUE}
   */
  public long nextDue(long now) {
    synchronized (state) {
      return turns.nextDue(now);
    }
  }

  /**
   * Marks the instance's user absent from (or back in) the room.
   *
   * @throws NoSuchElementException when the instance does not run
   */
  public void setUserPresent(String agentInstanceId, boolean present, long now) {
    onInstance(agentInstanceId, now, i -> turns.setUserPresent(i, present, now));
  }
}
