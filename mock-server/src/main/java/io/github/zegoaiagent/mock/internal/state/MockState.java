package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All simulated state of one mock: per App, its agents and instances, partitioned so that work on
 * one instance never waits for another: each {@link AppState} guards its agents, each
 * {@link InstanceState} guards itself, and this registry is concurrent. The simulation
 * ({@code internal.simulate.Simulator}) is the only writer and the only place that takes those
 * locks; everyone else reads snapshots through it.
 */
public final class MockState {

  private final Map<Long, AppState> apps = new ConcurrentHashMap<>();
  private final IdSequence instanceIds = new IdSequence();
  private final AtomicLong created = new AtomicLong();
  private final MemoryBudget budget;

  /** @param budget what agents and instances are charged to */
  public MockState(MemoryBudget budget) {
    this.budget = budget;
  }

  /** @return the memory budget */
  public MemoryBudget budget() {
    return budget;
  }

  /**
   * @param appId the App
   * @return its state, created on first use
   */
  public AppState app(long appId) {
    return apps.computeIfAbsent(appId, k -> new AppState(budget.account()));
  }

  /** @return a fresh AgentInstanceId */
  public String newInstanceId() {
    return instanceIds.next(); // 19 digits, from a random point per mock
  }

  /** @return the creation order of a new instance */
  public long nextSequence() {
    return created.incrementAndGet();
  }

  /** @return every running instance, by AppId, then in creation order */
  public List<InstanceState> allInstances() {
    List<InstanceState> out = new ArrayList<>();
    new TreeMap<>(apps).values().forEach(a -> out.addAll(a.instances()));
    return out;
  }

  /** @return App ids that have state, ascending */
  public List<Long> appIds() {
    return new ArrayList<>(new TreeMap<>(apps).keySet());
  }

  /**
   * Detaches every App (ids keep increasing so old ids never come back); the caller ends their
   * instances and forgets their agents, each under its lock.
   *
   * @return the detached Apps
   */
  public List<AppState> clear() {
    List<AppState> old = new ArrayList<>();
    for (Iterator<AppState> it = apps.values().iterator(); it.hasNext(); ) {
      old.add(it.next());
      it.remove();
    }
    return old;
  }
}
