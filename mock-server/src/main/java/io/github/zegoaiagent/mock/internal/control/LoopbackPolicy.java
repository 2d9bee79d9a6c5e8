package io.github.zegoaiagent.mock.internal.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Who may use the control API: loopback callers only, unless remote access is switched on. */
public final class LoopbackPolicy {
  private LoopbackPolicy() {
  }

  /**
   * @param remote the caller's address (null counts as not loopback)
   * @param remoteAllowed configuration switch
   * @return whether the caller may use /_mock/
   */
  public static boolean allows(InetSocketAddress remote, boolean remoteAllowed) {
    if (remoteAllowed) {
      return true;
    }
    if (remote == null) {
      return false;
    }
    InetAddress a = remote.getAddress();
    return a != null && a.isLoopbackAddress();
  }
}
