package io.github.zegoaiagent.mock.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All simulated state, in one place: per App, its agents and instances.
 *
 * <p>Every read and write happens while holding this object's monitor ({@code synchronized
 * (state)}); the simulation ({@code internal.simulate}) is the only writer, everyone else reads
 * snapshots through it. One lock keeps the simulation deterministic and is
 * far from the bottleneck at mock traffic levels.
 */
public final class MockState {

  private final Map<Long, AppState> apps = new HashMap<>();

  /**
   * @param appId the App
   * @return its state, created on first use
   */
  public AppState app(long appId) {
    return apps.computeIfAbsent(appId, k -> new AppState());
  }

  /** @return a fresh AgentInstanceId */
  public String newInstanceId() {
    return ProcessSequence.INSTANCE_IDS.next(); // 19 digits, from a random point per JVM
  }

  /** @return every instance of every App */
  public List<InstanceState> allInstances() {
    List<InstanceState> out = new ArrayList<>();
    apps.values().forEach(a -> out.addAll(a.instances()));
    return out;
  }

  /** @return App ids that have state */
  public List<Long> appIds() {
    return new ArrayList<>(apps.keySet());
  }

  /** Forgets everything (ids keep increasing so old ids never come back). */
  public void clear() {
    apps.clear();
  }
}
