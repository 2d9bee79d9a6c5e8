package io.github.zegoaiagent.mock.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * LLM forwarding (ADR 0011): whether the mock sends LLM turns (SendAgentInstanceLLM and
 * simulated user turns) to the effective {@code LLM.Url} with the request the service documents
 * (reference §6.11), instead of answering with its simulated {@code SimulatedLlm}.
 *
 * <p>Off by default, so tests never reach a network. When on, only hosts on the allow-list are
 * called: {@value #LOOPBACK} (the default) stands for {@code localhost} and every loopback
 * address, {@value #ANY} for every host; other entries are host names or literal addresses
 * compared as written (no DNS look-up). Redirects are never followed.
 *
 * <pre>{@code
 * MockServerConfig.builder().llmForward(true).build();
 * MockServerConfig.builder().llmForward(true).llmAllowHosts(List.of("llm.internal.example"))
 *     .llmTimeout(Duration.ofSeconds(10)).build();
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

  /** On/off. */
  public static final Setting<Boolean> FORWARD = Setting.<Boolean>of("llm-forward",
          "Send LLM turns to the configured LLM.Url with the documented request (streaming SSE); off: nothing is sent",
          Boolean.class)
      .text("", Text::bool).byDefault("false").check(Text.notNull()).build();
  /** Allow-list. */
  public static final Setting<List<String>> ALLOW_HOSTS = Setting.<List<String>>of("llm-allow-hosts",
          "Hosts forwarding may call: loopback = localhost and loopback addresses, * = any, else names as written",
          List.class)
      .text("HOST", Text.list(Text::nonEmpty)).repeatable().byDefault(LOOPBACK)
      .check(LlmForwardSettings::checkHosts).build();
  /** Deadline of one exchange. */
  public static final Setting<Duration> TIMEOUT = Setting.<Duration>of("llm-timeout",
          "Deadline of one whole LLM exchange: connect, headers and the entire stream (then Exception 2201)",
          Duration.class)
      .text("DURATION", Text::duration).byDefault("30s").check(Text.atLeast(Duration.ofMillis(1))).build();
  /** Longest line. */
  public static final Setting<Integer> MAX_LINE_BYTES = Setting.<Integer>of("llm-max-line-bytes",
          "Longest SSE line accepted from the LLM (longer: Exception 2201)", Integer.class)
      .text("N", Text::integer).byDefault("65536").check(Text.range(1, 16 << 20)).build();
  /** Longest stream. */
  public static final Setting<Long> MAX_STREAM_BYTES = Setting.<Long>of("llm-max-stream-bytes",
          "Longest SSE stream accepted from the LLM (longer: Exception 2201)", Long.class)
      .text("N", Text::longInteger).byDefault(String.valueOf(4L << 20)).check(Text.range(1L, 1L << 30)).build();

  /** The group. */
  public static final SettingGroup<LlmForwardSettings> GROUP = SettingGroup.of("llmForward",
      v -> new LlmForwardSettings(v.get(FORWARD), Set.copyOf(v.get(ALLOW_HOSTS)), v.get(TIMEOUT),
          v.get(MAX_LINE_BYTES), v.get(MAX_STREAM_BYTES)),
      FORWARD, ALLOW_HOSTS, TIMEOUT, MAX_LINE_BYTES, MAX_STREAM_BYTES);

  /** Copies the allow-list. */
  public LlmForwardSettings {
    allowHosts = Set.copyOf(allowHosts);
  }

  private static void checkHosts(List<String> hosts) {
    if (hosts == null || hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one host (or loopback, or *)");
    }
    for (String h : hosts) {
      if (h == null || h.isBlank() || !h.strip().equals(h)) {
        throw new IllegalArgumentException("not a host name: '" + h + "'");
      }
    }
  }
}
