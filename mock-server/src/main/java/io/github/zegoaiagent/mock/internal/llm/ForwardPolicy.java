package io.github.zegoaiagent.mock.internal.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Whether and where the mock forwards LLM turns (the internal twin of the public
 * {@code LlmForwardSettings}).
 *
 * @param enabled forward at all (off: nothing is ever sent)
 * @param allowHosts host names or literal addresses that may be called; {@link #LOOPBACK} stands
 *     for localhost and every loopback address, {@link #ANY} for every host
 * @param timeout deadline of one whole exchange (connect, headers, the whole stream)
 * @param maxLineBytes longest stream line accepted
 * @param maxStreamBytes longest stream accepted
 */
public record ForwardPolicy(boolean enabled, Set<String> allowHosts, Duration timeout,
    int maxLineBytes, long maxStreamBytes) {
  /** Allow-list entry for localhost, 127.0.0.0/8 and ::1. */
  public static final String LOOPBACK = "loopback";
  /** Allow-list entry for every host. */
  public static final String ANY = "*";

  /** Normalises the host names. */
  public ForwardPolicy {
    allowHosts = allowHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** @return forwarding off */
  public static ForwardPolicy off() {
    return new ForwardPolicy(false, Set.of(LOOPBACK), Duration.ofSeconds(30), 64 * 1024, 4L << 20);
  }

  /**
   * @param url the endpoint
   * @return whether its host is on the allow-list (no DNS look-up: names are compared as written)
   */
  public boolean allows(URI url) {
    String host = url.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (allowHosts.contains(ANY) || allowHosts.contains(host)) {
      return true;
    }
    return allowHosts.contains(LOOPBACK) && isLoopback(host);
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] p = host.split("\\.", -1);
    if (p.length != 4 || !p[0].equals("127")) {
      return false;
    }
    for (String s : p) {
      if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit) || Integer.parseInt(s) > 255) {
        return false;
      }
    }
    return true;
  }
}
