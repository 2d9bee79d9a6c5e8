package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.AgentRecord;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Agents and instances of one App. Guarded by the {@link MockState} lock. */
public final class AppState {
  /** Sorted by AgentId so ListAgents pages are stable. */
  public final TreeMap<String, AgentRecord> agents = new TreeMap<>();
  /** In creation order. */
  public final Map<String, InstanceState> instances = new LinkedHashMap<>();
  /** Sum of {@link AgentRecord#size()} over {@link #agents} (the byte cap counts this). */
  public long agentChars;
}
