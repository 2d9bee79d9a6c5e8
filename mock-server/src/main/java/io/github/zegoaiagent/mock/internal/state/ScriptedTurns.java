package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The conversation script of one instance: the steps still to play (absolute times, in order)
 * and the user turn it has open. Steps are charged to the instance's memory while they wait.
 * Part of {@link InstanceState}: same lock, same one writer.
 */
public final class ScriptedTurns {
  private final Deque<ScriptStep> steps = new ArrayDeque<>();
  private final Account memory;
  private long bytes;
  private boolean turnOpen;
  private boolean turnHeard;
  private long turnRound;

  ScriptedTurns(Account memory) {
    this.memory = memory;
  }

  /**
   * @param next the new script's steps, replacing what remains of the old one
   * @return false when they do not fit in the memory budget (the old script stays)
   */
  public boolean replace(List<ScriptStep> next) {
    long need = 0;
    for (ScriptStep s : next) {
      need += size(s);
    }
    if (!memory.tryCharge(need, "a conversation script")) {
      return false;
    }
    memory.release(bytes);
    steps.clear();
    steps.addAll(next);
    bytes = need;
    return true;
  }

  private static long size(ScriptStep s) {
    return Sizes.ENTRY + Sizes.text(s.text()) + Sizes.text(s.userId());
  }

  /** @return the time of the next step, or {@link Long#MAX_VALUE} */
  public long nextAt() {
    ScriptStep s = steps.peekFirst();
    return s == null ? Long.MAX_VALUE : s.at();
  }

  /** @return the next step without removing it, or null */
  public ScriptStep peek() {
    return steps.peekFirst();
  }

  /** @return the next step, removed, or null */
  public ScriptStep poll() {
    ScriptStep s = steps.pollFirst();
    if (s != null) {
      bytes -= size(s);
      memory.release(size(s));
    }
    return s;
  }

  /** A user turn begins that the agent hears, with its Round. */
  public void openTurn(long round) {
    turnOpen = true;
    turnHeard = true;
    turnRound = round;
  }

  /** A user turn begins that the agent does not hear (it could not be interrupted). */
  public void openUnheardTurn() {
    turnOpen = true;
    turnHeard = false;
  }

  /** @return whether a turn is open */
  public boolean turnOpen() {
    return turnOpen;
  }

  /** @return whether the open (or last) turn is heard */
  public boolean turnHeard() {
    return turnHeard;
  }

  /** @return the Round of the open (or last) heard turn */
  public long turnRound() {
    return turnRound;
  }

  /** The open turn ends. */
  public void closeTurn() {
    turnOpen = false;
  }
}
