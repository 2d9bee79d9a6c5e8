package io.github.zegoaiagent.mock;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * LLM forwarding: whether the mock sends LLM turns (SendAgentInstanceLLM and simulated user
 * turns) to the effective {@code LLM.Url} with the request the service documents (reference
 * §6.11), instead of answering with its simulated {@code LlmReply}.
 *
 * <p>Off by default, so tests never reach a network. When on, only hosts on the allow-list are
 * called: {@value #LOOPBACK} (the default) stands for {@code localhost} and every loopback
 * address, {@value #ANY} for every host; other entries are host names or literal addresses
 * compared as written (no DNS look-up). Redirects are never followed.
 *
 * <pre>{@code
 * MockServerConfig.builder().llmForward(LlmForwardSettings.loopback()).build();
 * MockServerConfig.builder().llmForward(LlmForwardSettings.loopback()
 *     .withAllowHosts(List.of("llm.internal.example")).withTimeout(Duration.ofSeconds(10))).build();
 * }</pre>
 *
 * @param enabled whether to forward
 * @param allowHosts hosts that may be called
 * @param timeout deadline of one whole exchange: connect, headers and the entire stream
 * @param maxLineBytes longest stream line accepted (longer: the exchange fails, 2201)
 * @param maxStreamBytes longest stream accepted (longer: the exchange fails, 2201)
 */
public record LlmForwardSettings(boolean enabled, Set<String> allowHosts, Duration timeout,
    int maxLineBytes, long maxStreamBytes) {
  /** Allow-list entry for localhost and every loopback address. */
  public static final String LOOPBACK = "loopback";
  /** Allow-list entry for every host (forwarding to a real LLM provider). */
  public static final String ANY = "*";

  /** Checks and copies. */
  public LlmForwardSettings {
    Objects.requireNonNull(timeout, "timeout");
    allowHosts = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(allowHosts, "allowHosts")));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0: " + timeout);
    }
    if (maxLineBytes < 1 || maxStreamBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes and maxStreamBytes must be >= 1");
    }
    for (String h : allowHosts) {
      if (h == null || h.isBlank()) {
        throw new IllegalArgumentException("allowHosts: empty host name");
      }
    }
  }

  /** @return forwarding off (the default): nothing is ever sent */
  public static LlmForwardSettings off() {
    return new LlmForwardSettings(false, Set.of(LOOPBACK), Duration.ofSeconds(30), 64 * 1024, 4L << 20);
  }

  /** @return forwarding on, loopback hosts only, 30 s per exchange, 64 KiB lines, 4 MiB streams */
  public static LlmForwardSettings loopback() {
    return off().withEnabled(true);
  }

  /** @param on whether to forward @return a copy */
  public LlmForwardSettings withEnabled(boolean on) {
    return new LlmForwardSettings(on, allowHosts, timeout, maxLineBytes, maxStreamBytes);
  }

  /** @param hosts the allow-list (replaces the current one) @return a copy */
  public LlmForwardSettings withAllowHosts(List<String> hosts) {
    return new LlmForwardSettings(enabled, Set.copyOf(hosts), timeout, maxLineBytes, maxStreamBytes);
  }

  /** @param d deadline of one whole exchange @return a copy */
  public LlmForwardSettings withTimeout(Duration d) {
    return new LlmForwardSettings(enabled, allowHosts, d, maxLineBytes, maxStreamBytes);
  }

  /** @param line longest line @param stream longest stream @return a copy */
  public LlmForwardSettings withBounds(int line, long stream) {
    return new LlmForwardSettings(enabled, allowHosts, timeout, line, stream);
  }
}
