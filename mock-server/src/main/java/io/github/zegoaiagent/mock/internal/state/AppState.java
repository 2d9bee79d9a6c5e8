package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.AgentRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Agents and instances of one App. Guarded by the {@link MockState} lock; written only by the
 * simulation (see {@link InstanceState}).
 */
public final class AppState {
  /** Sorted by AgentId so ListAgents pages are stable. */
  private final TreeMap<String, AgentRecord> agents = new TreeMap<>();
  /** In creation order. */
  private final Map<String, InstanceState> instances = new LinkedHashMap<>();
  /** Sum of {@link AgentRecord#size()} over {@link #agents} (the byte cap counts this). */
  private long agentChars;

  /** @return the agents by AgentId, sorted (unmodifiable view) */
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
    return agentChars - (old == null ? 0 : old.size()) + r.size();
  }

  /** Stores {@code r}, replacing the agent of the same AgentId. */
  public void storeAgent(AgentRecord r) {
    agentChars = agentCharsWith(r);
    agents.put(r.agentId(), r);
  }

  /** @return the removed agent, or null */
  public AgentRecord removeAgent(String agentId) {
    AgentRecord old = agents.remove(agentId);
    if (old != null) {
      agentChars -= old.size();
    }
    return old;
  }

  /** @return the running instance, or null */
  public InstanceState instance(String id) {
    return instances.get(id);
  }

  /** @return the running instances in creation order (a copy: safe to change the App meanwhile) */
  public List<InstanceState> instances() {
    return new ArrayList<>(instances.values());
  }

  public void addInstance(InstanceState inst) {
    instances.put(inst.id(), inst);
  }

  public void removeInstance(String id) {
    instances.remove(id);
  }
}
