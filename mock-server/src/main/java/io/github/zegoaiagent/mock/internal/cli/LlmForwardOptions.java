package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.LlmForwardSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LLM-forwarding flags and their environment twins, kept apart from {@link CliOptions} so the
 * CLI rework can re-home them as a unit: {@code --llm-forward} ({@code ZEGO_MOCK_LLM_FORWARD=true}),
 * {@code --llm-allow-hosts h1,h2} ({@code ZEGO_MOCK_LLM_ALLOW_HOSTS}), {@code --llm-timeout S}
 * ({@code ZEGO_MOCK_LLM_TIMEOUT}). A flag wins over its variable.
 */
final class LlmForwardOptions {
  static final String USAGE = String.join("\n",
      "  --llm-forward            send LLM turns to the configured LLM.Url (ZEGO_MOCK_LLM_FORWARD=true; default off)",
      "  --llm-allow-hosts H,...  hosts forwarding may call; loopback = localhost and loopback addresses,",
      "                           * = any (ZEGO_MOCK_LLM_ALLOW_HOSTS, default loopback)",
      "  --llm-timeout S          seconds for one whole LLM exchange (ZEGO_MOCK_LLM_TIMEOUT, default 30)");

  /** Flags that take a value. */
  static final Set<String> VALUE_FLAGS = Set.of("--llm-allow-hosts", "--llm-timeout");

  private LlmForwardSettings settings = LlmForwardSettings.off();

  /** @param env the environment @return options with the variables applied */
  static LlmForwardOptions fromEnv(Map<String, String> env) {
    LlmForwardOptions o = new LlmForwardOptions();
    String on = env.get("ZEGO_MOCK_LLM_FORWARD");
    if (on != null) {
      o.settings = o.settings.withEnabled(bool("ZEGO_MOCK_LLM_FORWARD", on));
    }
    if (env.get("ZEGO_MOCK_LLM_ALLOW_HOSTS") != null) {
      o.settings = o.settings.withAllowHosts(hosts("ZEGO_MOCK_LLM_ALLOW_HOSTS", env.get("ZEGO_MOCK_LLM_ALLOW_HOSTS")));
    }
    if (env.get("ZEGO_MOCK_LLM_TIMEOUT") != null) {
      o.settings = o.settings.withTimeout(seconds("ZEGO_MOCK_LLM_TIMEOUT", env.get("ZEGO_MOCK_LLM_TIMEOUT")));
    }
    return o;
  }

  /**
   * @param flag the flag
   * @param value its value (null for --llm-forward)
   * @return whether the flag is one of these
   */
  boolean apply(String flag, String value) {
    switch (flag) {
      case "--llm-forward" -> settings = settings.withEnabled(true);
      case "--llm-allow-hosts" -> settings = settings.withAllowHosts(hosts(flag, value));
      case "--llm-timeout" -> settings = settings.withTimeout(seconds(flag, value));
      default -> {
        return false;
      }
    }
    return true;
  }

  /** @return the settings */
  LlmForwardSettings settings() {
    return settings;
  }

  private static List<String> hosts(String name, String v) {
    List<String> out = new ArrayList<>();
    for (String h : v.split(",")) {
      if (!h.isBlank()) {
        out.add(h.trim());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(name + ": at least one host (or loopback, or *)");
    }
    return out;
  }

  private static Duration seconds(String name, String v) {
    try {
      int s = Integer.parseInt(v.trim());
      if (s < 1 || s > 3600) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be whole seconds in [1, 3600]: " + v);
    }
  }

  private static boolean bool(String name, String v) {
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0") || v.isEmpty()) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false: " + v);
  }
}
