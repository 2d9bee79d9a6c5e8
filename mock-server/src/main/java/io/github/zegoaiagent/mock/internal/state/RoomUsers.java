package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.HashSet;
import java.util.Set;

/**
 * The simulated people in an instance's room: who publishes a stream, what the user says in the
 * next walkie-talkie turns, whether the instance's user is in the room. Part of
 * {@link InstanceState}: same lock, same one writer.
 */
public final class RoomUsers {
  private final Set<String> notPublishing = new HashSet<>();
  private final Account memory;
  private String utterance;
  private boolean present = true;
  private long absentSince = -1;

  RoomUsers(Account memory) {
    this.memory = memory;
  }

  /** @return whether {@code user} publishes a stream (everyone does until told otherwise) */
  public boolean publishing(String user) {
    return !notPublishing.contains(user);
  }

  /**
   * @param user a user of the room
   * @param publishing whether it publishes a stream
   * @param maxUsers non-publishing users tracked at most (beyond, the change is ignored)
   * @return false when the user could not be tracked (the cap, or the memory budget)
   */
  public boolean setPublishing(String user, boolean publishing, int maxUsers) {
    if (publishing) {
      if (notPublishing.remove(user)) {
        memory.release(Sizes.ENTRY + Sizes.text(user));
      }
      return true;
    }
    if (notPublishing.contains(user)) {
      return true;
    }
    if (notPublishing.size() >= maxUsers || !memory.tryCharge(Sizes.ENTRY + Sizes.text(user), "a simulated user")) {
      return false;
    }
    notPublishing.add(user);
    return true;
  }

  /** @return what the user says in the next walkie-talkie turns; null = the configured default */
  public String utterance() {
    return utterance;
  }

  /**
   * @param text what the user says in the next walkie-talkie turns; null = the configured default
   * @return false when it does not fit in the memory budget (the old one stays)
   */
  public boolean setUtterance(String text) {
    if (!memory.tryCharge(Sizes.text(text), "a simulated utterance")) {
      return false;
    }
    memory.release(Sizes.text(utterance));
    utterance = text;
    return true;
  }

  /** @return whether the instance's user is in the room */
  public boolean present() {
    return present;
  }

  /** @return since when the user is absent (clock millis), or -1 */
  public long absentSince() {
    return absentSince;
  }

  /** The user left the room at {@code now} (no change if it was already away). */
  public void left(long now) {
    if (present) {
      present = false;
      absentSince = now;
    }
  }

  /** The user is back in the room. */
  public void returned() {
    present = true;
    absentSince = -1;
  }
}
