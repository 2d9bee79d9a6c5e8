package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.HashMap;
import java.util.Map;

/**
 * The walkie-talkie turns of one instance (CommunicationMode 2): whose turn is open, its Round,
 * and the latest Sequence seen per user (each tracked user charged to the instance's memory).
 * Part of {@link InstanceState}: same lock, same one writer.
 */
public final class WalkieTalkie {
  private final Account memory;
  private final Map<String, Long> latestSequence = new HashMap<>();
  private String user;
  private long round;

  WalkieTalkie(Account memory) {
    this.memory = memory;
  }

  /** @return the user whose turn is open, or null */
  public String user() {
    return user;
  }

  /** @return the Round of the open (or last) turn */
  public long round() {
    return round;
  }

  /** Opens {@code who}'s turn with Round {@code r}. */
  void open(String who, long r) {
    user = who;
    round = r;
  }

  /** @return the Round of the turn that was open, now closed */
  public long close() {
    user = null;
    return round;
  }

  /** @return the latest Sequence seen from {@code who}, or null */
  public Long latestSequence(String who) {
    return latestSequence.get(who);
  }

  /** @return users whose Sequence is tracked */
  public int users() {
    return latestSequence.size();
  }

  /**
   * Records {@code seq} as {@code who}'s latest Sequence.
   *
   * @return false when a new user does not fit in the memory budget (nothing recorded)
   */
  public boolean acceptSequence(String who, long seq) {
    if (!latestSequence.containsKey(who) && !memory.tryCharge(Sizes.ENTRY + Sizes.text(who), "a walkie-talkie user")) {
      return false;
    }
    latestSequence.put(who, seq);
    return true;
  }
}
