package io.github.zegoaiagent.mock.internal.memory;

/**
 * What one owner (an instance, an App's agents, the journal, the callbacks, an LLM stream, a
 * request body) holds of the {@link MemoryBudget}. Once {@link #close() closed} (the owner was
 * deleted or reset) it gives everything back and refuses further charges, so an owner forgotten
 * while a request was still working on it cannot leak budget. Thread-safe.
 */
public final class Account {
  private final MemoryBudget budget;
  private long held;
  private boolean closed;

  Account(MemoryBudget budget) {
    this.budget = budget;
  }

  /**
   * @param bytes to keep
   * @param what what it is, for the log line
   * @return whether it fits (false: nothing was charged; the caller refuses or forgets instead)
   */
  public synchronized boolean tryCharge(long bytes, String what) {
    if (closed || !budget.tryCharge(bytes, what)) {
      return false;
    }
    held += Math.max(0, bytes);
    return true;
  }

  /** @param bytes forgotten now (at most what is held) */
  public synchronized void release(long bytes) {
    long n = Math.min(Math.max(0, bytes), held);
    held -= n;
    budget.release(n);
  }

  /** Gives everything back and refuses further charges. */
  public synchronized void close() {
    budget.release(held);
    held = 0;
    closed = true;
  }

  /** @return bytes held */
  public synchronized long held() {
    return held;
  }

  /** @return the budget charged */
  public MemoryBudget budget() {
    return budget;
  }
}
