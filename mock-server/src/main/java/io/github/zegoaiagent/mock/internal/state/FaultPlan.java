package io.github.zegoaiagent.mock.internal.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Faults waiting to be consumed, per action, in the order added. Thread-safe and bounded. */
public final class FaultPlan {
  /** Faults planned at most. */
  public static final int MAX_FAULTS = 1_000;

  private final Map<String, Deque<int[]>> remaining = new HashMap<>();
  private final Map<String, Deque<PlannedFault>> faults = new HashMap<>();
  private int size;

  /** @param fault fault to add after those already planned for its action */
  public synchronized void add(PlannedFault fault) {
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

  /** Drops every planned fault. */
  public synchronized void clear() {
    faults.clear();
    remaining.clear();
    size = 0;
  }
}
