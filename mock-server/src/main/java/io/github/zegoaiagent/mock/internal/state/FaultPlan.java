package io.github.zegoaiagent.mock.internal.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Faults waiting to be consumed, per action, in the order added. Thread-safe and bounded. A fault
 * for an action the contract does not have is refused: no request could ever consume it.
 */
public final class FaultPlan {
  /** Faults planned at most. */
  public static final int MAX_FAULTS = 1_000;

  private final Map<String, Deque<int[]>> remaining = new HashMap<>();
  private final Map<String, Deque<PlannedFault>> faults = new HashMap<>();
  private final java.util.SortedSet<String> actions;
  private int size;

  /** @param actions the actions a fault may name (the contract's) */
  public FaultPlan(java.util.Set<String> actions) {
    this.actions = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(actions));
  }

  /**
   * @param fault fault to add after those already planned for its action
   * @throws IllegalArgumentException for an action the contract does not have, naming the closest and all of them
   * @throws IllegalStateException when {@value #MAX_FAULTS} are planned already
   */
  public synchronized void add(PlannedFault fault) {
    if (!actions.contains(fault.action())) {
      String like = io.github.zegoaiagent.contract.DidYouMean.closest(fault.action(), actions);
      throw new IllegalArgumentException("no action " + clip(fault.action()) + " in the contract, so the fault could"
          + " never fire" + (like == null ? "" : "; did you mean " + like + "?") + " Actions (case matters): "
          + String.join(", ", actions));
    }
    if (size >= MAX_FAULTS) {
      throw new IllegalStateException("at most " + MAX_FAULTS + " faults can be planned");
    }
    faults.computeIfAbsent(fault.action(), k -> new ArrayDeque<>()).addLast(fault);
    remaining.computeIfAbsent(fault.action(), k -> new ArrayDeque<>()).addLast(new int[] {fault.count()});
    size++;
  }

  /**
   * Consumes one call's worth of the first fault planned for {@code action}.
   *
   * @param action wire action name
   * @return the fault that applies to this call, or null
   */
  public synchronized PlannedFault next(String action) {
    Deque<PlannedFault> f = faults.get(action);
    if (f == null || f.isEmpty()) {
      return null;
    }
    PlannedFault head = f.peekFirst();
    int[] left = remaining.get(action).peekFirst();
    if (--left[0] == 0) {
      f.removeFirst();
      remaining.get(action).removeFirst();
      size--;
    }
    return head;
  }

  /** @return the faults still planned */
  public synchronized List<PlannedFault> pending() {
    List<PlannedFault> out = new ArrayList<>();
    faults.forEach((a, d) -> {
      var it = remaining.get(a).iterator();
      for (PlannedFault x : d) {
        out.add(new PlannedFault(x.action(), it.next()[0], x.code(), x.message(), x.delayMillis()));
      }
    });
    return out;
  }

  private static String clip(String s) {
    String safe = s.replaceAll("[^A-Za-z0-9_]", "?");
    return safe.length() <= 60 ? safe : safe.substring(0, 60) + "…";
  }

  /** Drops every planned fault. */
  public synchronized void clear() {
    faults.clear();
    remaining.clear();
    size = 0;
  }
}
