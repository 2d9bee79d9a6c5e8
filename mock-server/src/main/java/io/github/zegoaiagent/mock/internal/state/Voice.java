package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The agent's voice of one instance: the item playing (or thinking) and the items waiting behind
 * it, each holding its memory until it ends. Part of {@link InstanceState}: same lock, same one
 * writer.
 */
public final class Voice {
  private final Account memory;
  private final Deque<SpeechItem> queue = new ArrayDeque<>();
  private SpeechItem current;

  Voice(Account memory) {
    this.memory = memory;
  }

  /** @return the item playing or thinking, or null */
  public SpeechItem current() {
    return current;
  }

  /**
   * @param item a new item (not yet playing or waiting)
   * @param bytes what it needs to keep (its text, later its answer)
   * @return whether the memory budget has room (then the item holds it until it ends)
   */
  public boolean charge(SpeechItem item, long bytes) {
    if (!memory.tryCharge(bytes, "speech")) {
      return false;
    }
    item.charged(bytes);
    return true;
  }

  /** Makes {@code item} the one playing (or thinking) now. */
  public void play(SpeechItem item) {
    current = item;
  }

  /** @return the item that was playing, now stopped (finished or cut off; its memory given back), or null */
  public SpeechItem stopPlaying() {
    SpeechItem c = current;
    current = null;
    if (c != null) {
      memory.release(c.bytes());
    }
    return c;
  }

  /** @param item waits behind what plays (SamePriorityOption Enqueue) */
  public void enqueue(SpeechItem item) {
    queue.addLast(item);
  }

  /** @param item accepted but never played (its memory given back) */
  public void drop(SpeechItem item) {
    memory.release(item.bytes());
  }

  /** @return the next waiting item, removed, or null */
  public SpeechItem nextQueued() {
    return queue.pollFirst();
  }

  /** Forgets every waiting item. */
  public void clearQueue() {
    while (!queue.isEmpty()) {
      memory.release(queue.removeFirst().bytes());
    }
  }

  /** @return items waiting */
  public int queued() {
    return queue.size();
  }

  /** Forgets everything (the instance is deleted; its account is closed by the caller). */
  void forget() {
    current = null;
    queue.clear();
  }
}
