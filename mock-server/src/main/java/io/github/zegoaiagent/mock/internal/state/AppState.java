package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents and instances of one App. Its agents are guarded by this object's monitor; its instance
 * registry is a concurrent map (each instance guards itself), and {@link #createLock()} makes
 * "check the limits, then add" of the create actions atomic per App. Only the simulation takes
 * these locks ({@code internal.simulate.Simulator}) and writes this state.
 */
public final class AppState {
  /** Sorted by AgentId so ListAgents pages are stable. */
  private final TreeMap<String, AgentRecord> agents = new TreeMap<>();
  private final Map<String, InstanceState> instances = new ConcurrentHashMap<>();
  private final Object createLock = new Object();
  private final Account agentMemory;
  /** Sum of {@link AgentRecord#chars()} over {@link #agents} (the cap {@code maxAgentBytes} counts this). */
  private long agentChars;

  /** @param agentMemory the account the App's agents are charged to */
  public AppState(Account agentMemory) {
    this.agentMemory = agentMemory;
  }

  /** @return held while a create action checks the limits and adds its instance */
  public Object createLock() {
    return createLock;
  }

  // ------------------------------------------------------------------ agents (this monitor)

  /** @return the agents by AgentId, sorted (unmodifiable view; hold this monitor) */
  public NavigableMap<String, AgentRecord> agents() {
    return Collections.unmodifiableNavigableMap(agents);
  }

  /** @return the registered agent, or null */
  public AgentRecord agent(String agentId) {
    return agents.get(agentId);
  }

  /** @return characters of stored agent JSON */
  public long agentChars() {
    return agentChars;
  }

  /** @return {@link #agentChars()} after storing {@code r} in place of the agent of its AgentId */
  public long agentCharsWith(AgentRecord r) {
    AgentRecord old = agents.get(r.agentId());
    return agentChars - (old == null ? 0 : old.chars()) + r.chars();
  }

  /**
   * Stores {@code r}, replacing the agent of the same AgentId.
   *
   * @return false when it does not fit in the memory budget (nothing changed)
   */
  public boolean storeAgent(AgentRecord r) {
    AgentRecord old = agents.get(r.agentId());
    long grow = r.bytes() - (old == null ? 0 : old.bytes());
    if (grow > 0 && !agentMemory.tryCharge(grow, "an agent")) {
      return false;
    }
    agentMemory.release(-grow);
    agentChars = agentCharsWith(r);
    agents.put(r.agentId(), r);
    return true;
  }

  /** @return the removed agent, or null */
  public AgentRecord removeAgent(String agentId) {
    AgentRecord old = agents.remove(agentId);
    if (old != null) {
      agentChars -= old.chars();
      agentMemory.release(old.bytes());
    }
    return old;
  }

  // ------------------------------------------------------------------ instances (concurrent)

  /** @return the running instance, or null */
  public InstanceState instance(String id) {
    InstanceState i = instances.get(id);
    return i == null || i.ended() ? null : i;
  }

  /** @return the running instances in creation order (a copy) */
  public List<InstanceState> instances() {
    List<InstanceState> out = new ArrayList<>();
    for (InstanceState i : instances.values()) {
      if (!i.ended()) {
        out.add(i);
      }
    }
    out.sort(Comparator.comparingLong(InstanceState::sequence));
    return out;
  }

  /** @param inst a new instance (under {@link #createLock()}) */
  public void addInstance(InstanceState inst) {
    instances.put(inst.id(), inst);
  }

  /** @param inst an instance that ended */
  public void removeInstance(InstanceState inst) {
    instances.remove(inst.id(), inst);
  }

  /** @return every instance in the registry, ended or not (for the reset that forgets them) */
  public List<InstanceState> registered() {
    return new ArrayList<>(instances.values());
  }

  /** Forgets the agents and gives their memory back (reset; hold this monitor). */
  public void forgetAgents() {
    agents.clear();
    agentChars = 0;
    agentMemory.close();
  }
}
