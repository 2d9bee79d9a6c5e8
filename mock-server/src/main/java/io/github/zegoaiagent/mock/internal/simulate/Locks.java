package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.state.AppState;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import java.util.function.Supplier;

/**
 * Every lock of the simulated state, in one place. State is partitioned so that work for one
 * instance never waits for another, for the agents, the front or the control API:
 *
 * <ul>
 *   <li>an instance's lock guards that instance ({@link #instance}): every action on it, its
 *       clock transitions, an LLM answer arriving for it, its snapshot (the running clock's
 *       ticker skips an instance busy right now, {@link #ifFree}: its next access or tick
 *       replays what came due);</li>
 *   <li>an App's monitor guards its agents ({@link #agents}), held for constant-size steps (the
 *       records are built and measured before);</li>
 *   <li>an App's create lock ({@link #create}) makes "check the limits and uniqueness rules, then
 *       add" of the create actions atomic.</li>
 * </ul>
 *
 * <p>Order, so no two threads wait for each other: create lock, then an App's agents or one
 * instance at a time; an instance's lock is never held while taking another lock of this class
 * (only leaf locks: the callback recorder, the memory accounts). Nothing of a request's size is
 * done under the agents or create lock.
 */
final class Locks {
  private Locks() {
  }

  static <T> T agents(AppState app, Supplier<T> work) {
    synchronized (app) {
      return work.get();
    }
  }

  static <T> T create(AppState app, Supplier<T> work) {
    synchronized (app.createLock()) {
      return work.get();
    }
  }

  static <T> T instance(InstanceState inst, Supplier<T> work) {
    inst.lock().lock();
    try {
      return work.get();
    } finally {
      inst.lock().unlock();
    }
  }

  static void instance(InstanceState inst, Runnable work) {
    inst.lock().lock();
    try {
      work.run();
    } finally {
      inst.lock().unlock();
    }
  }

  /** Runs {@code work} under the instance's lock if nobody holds it now; else does nothing. */
  static void ifFree(InstanceState inst, Runnable work) {
    if (inst.lock().tryLock()) {
      try {
        work.run();
      } finally {
        inst.lock().unlock();
      }
    }
  }
}
