package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.HttpLimits;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags of the standalone server; each has an environment-variable twin. A flag
 * wins over its variable. Several AppId/ServerSecret pairs: repeat the flags in pairs, or give
 * comma-separated lists in the variables.
 */
final class CliOptions {
  static final String USAGE = String.join("\n",
      "Usage: java -jar zego-aiagent-mock-server.jar [options]",
      "",
      "Stateful mock of the ZEGOCLOUD AI Agent server API (unofficial).",
      "",
      "Options (environment variable in brackets):",
      "  --port N                 TCP port, 0 = any free port (ZEGO_MOCK_PORT, default 8080)",
      "  --bind ADDRESS           bind address (ZEGO_MOCK_BIND, default 127.0.0.1; 0.0.0.0 = all)",
      "  --app-id N               AppId, repeatable (ZEGO_MOCK_APP_ID, comma-separated; default 1234567890)",
      "  --server-secret S        ServerSecret of the AppId at the same position, repeatable",
      "                           (ZEGO_MOCK_SERVER_SECRET, comma-separated; default random)",
      "  --callback-url URL       deliver signed callbacks to URL (ZEGO_MOCK_CALLBACK_URL)",
      "  --callback-secret S      callback signing secret (ZEGO_MOCK_CALLBACK_SECRET, default random)",
      "  --strict                 16-hex nonces, no nonce reuse within 600 s (ZEGO_MOCK_STRICT=true)",
      "  --qps-limit N            requests/s per action and App, 0 = off (ZEGO_MOCK_QPS_LIMIT, default 10)",
      "  --control-remote         let non-loopback callers use /_mock/ (ZEGO_MOCK_CONTROL_REMOTE=true)",
      "  --header-timeout S       seconds for a request's line and headers (ZEGO_MOCK_HEADER_TIMEOUT, default 10)",
      "  --body-timeout S         seconds for a request's body, and to read an answer (ZEGO_MOCK_BODY_TIMEOUT, default 30)",
      "  --idle-timeout S         seconds an idle keep-alive connection stays open (ZEGO_MOCK_IDLE_TIMEOUT, default 60)",
      "  --max-connections N      connections served at once (ZEGO_MOCK_MAX_CONNECTIONS, default 4096)",
      LlmForwardOptions.USAGE,
      "  --help                   print this help",
      "",
      "Stop with Ctrl-C or SIGTERM (graceful).");

  boolean help;
  int port = 8080;
  String bind = "127.0.0.1";
  final List<Long> appIds = new ArrayList<>();
  final List<String> secrets = new ArrayList<>();
  URI callbackUrl;
  String callbackSecret;
  boolean strict;
  Integer qpsLimit;
  boolean controlRemote;
  /** LLM forwarding flags (own class: re-homed as a unit by the CLI rework). */
  LlmForwardOptions llm;
  /** HTTP limits given on the command line or in the environment, by flag name. */
  final Map<String, Integer> http = new java.util.LinkedHashMap<>();
  private static final Map<String, String> HTTP_FLAGS = Map.of(
      "--header-timeout", "ZEGO_MOCK_HEADER_TIMEOUT", "--body-timeout", "ZEGO_MOCK_BODY_TIMEOUT",
      "--idle-timeout", "ZEGO_MOCK_IDLE_TIMEOUT", "--max-connections", "ZEGO_MOCK_MAX_CONNECTIONS");

  /**
   * @param args command line
   * @param env environment
   * @return parsed options
   * @throws IllegalArgumentException with a message for the user
   */
  static CliOptions parse(String[] args, Map<String, String> env) {
    CliOptions o = new CliOptions();
    o.llm = LlmForwardOptions.fromEnv(env);
    List<Long> envIds = new ArrayList<>();
    List<String> envSecrets = new ArrayList<>();
    if (env.get("ZEGO_MOCK_PORT") != null) {
      o.port = integer("ZEGO_MOCK_PORT", env.get("ZEGO_MOCK_PORT"));
    }
    if (env.get("ZEGO_MOCK_BIND") != null) {
      o.bind = env.get("ZEGO_MOCK_BIND");
    }
    if (env.get("ZEGO_MOCK_APP_ID") != null) {
      for (String s : env.get("ZEGO_MOCK_APP_ID").split(",")) {
        envIds.add(appId("ZEGO_MOCK_APP_ID", s.trim()));
      }
    }
    if (env.get("ZEGO_MOCK_SERVER_SECRET") != null) {
      for (String s : env.get("ZEGO_MOCK_SERVER_SECRET").split(",")) {
        envSecrets.add(s.trim());
      }
    }
    if (env.get("ZEGO_MOCK_CALLBACK_URL") != null) {
      o.callbackUrl = url("ZEGO_MOCK_CALLBACK_URL", env.get("ZEGO_MOCK_CALLBACK_URL"));
    }
    o.callbackSecret = env.get("ZEGO_MOCK_CALLBACK_SECRET");
    o.strict = bool("ZEGO_MOCK_STRICT", env.get("ZEGO_MOCK_STRICT"));
    if (env.get("ZEGO_MOCK_QPS_LIMIT") != null) {
      o.qpsLimit = integer("ZEGO_MOCK_QPS_LIMIT", env.get("ZEGO_MOCK_QPS_LIMIT"));
    }
    o.controlRemote = bool("ZEGO_MOCK_CONTROL_REMOTE", env.get("ZEGO_MOCK_CONTROL_REMOTE"));
    HTTP_FLAGS.forEach((flag, var) -> {
      if (env.get(var) != null) {
        o.http.put(flag, positive(var, env.get(var)));
      }
    });

    List<Long> ids = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String flag = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        flag = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      switch (flag) {
        case "--help":
        case "-h":
          o.help = true;
          break;
        case "--strict":
          o.strict = true;
          break;
        case "--control-remote":
          o.controlRemote = true;
          break;
        case "--port":
          o.port = integer(flag, value != null ? value : next(args, ++i, flag));
          break;
        case "--bind":
          o.bind = value != null ? value : next(args, ++i, flag);
          break;
        case "--app-id":
          ids.add(appId(flag, value != null ? value : next(args, ++i, flag)));
          break;
        case "--server-secret":
          secrets.add(value != null ? value : next(args, ++i, flag));
          break;
        case "--callback-url":
          o.callbackUrl = url(flag, value != null ? value : next(args, ++i, flag));
          break;
        case "--callback-secret":
          o.callbackSecret = value != null ? value : next(args, ++i, flag);
          break;
        case "--qps-limit":
          o.qpsLimit = integer(flag, value != null ? value : next(args, ++i, flag));
          break;
        case "--header-timeout", "--body-timeout", "--idle-timeout", "--max-connections":
          o.http.put(flag, positive(flag, value != null ? value : next(args, ++i, flag)));
          break;
        default:
          if (o.llm.apply(flag, LlmForwardOptions.VALUE_FLAGS.contains(flag) && value == null
              ? next(args, ++i, flag) : value)) {
            break;
          }
          throw new IllegalArgumentException("unknown option " + a + " (see --help)");
      }
    }
    o.appIds.addAll(ids.isEmpty() ? envIds : ids);
    o.secrets.addAll(secrets.isEmpty() ? envSecrets : secrets);
    if (o.secrets.size() > Math.max(1, o.appIds.size())) {
      throw new IllegalArgumentException("more ServerSecrets (" + o.secrets.size()
          + ") than AppIds (" + o.appIds.size() + "): give them in pairs");
    }
    if (o.port < 0 || o.port > 65535) {
      throw new IllegalArgumentException("--port must be in [0, 65535]");
    }
    if (o.qpsLimit != null && o.qpsLimit < 0) {
      throw new IllegalArgumentException("--qps-limit must be >= 0 (0 = off)");
    }
    return o;
  }

  /** @return the server configuration these options describe */
  MockServerConfig.Builder toConfig() {
    MockServerConfig.Builder b = MockServerConfig.builder().port(port).bindAddress(bind)
        .strict(strict).controlApiRemoteAllowed(controlRemote).callbackUrl(callbackUrl)
        .callbackSecret(callbackSecret).llmForward(llm.settings());
    if (qpsLimit != null) {
      b.qpsLimit(qpsLimit);
    }
    if (!http.isEmpty()) {
      HttpLimits.Builder l = HttpLimits.builder();
      if (http.containsKey("--header-timeout")) {
        l.headerTimeout(Duration.ofSeconds(http.get("--header-timeout")));
      }
      if (http.containsKey("--body-timeout")) {
        l.bodyTimeout(Duration.ofSeconds(http.get("--body-timeout")));
      }
      if (http.containsKey("--idle-timeout")) {
        l.idleTimeout(Duration.ofSeconds(http.get("--idle-timeout")));
      }
      if (http.containsKey("--max-connections")) {
        l.maxConnections(http.get("--max-connections"));
      }
      b.httpLimits(l.build());
    }
    List<Long> ids = new ArrayList<>(appIds);
    if (ids.isEmpty() && !secrets.isEmpty()) {
      ids.add(MockServerConfig.DEFAULT_APP_ID);
    }
    for (int i = 0; i < ids.size(); i++) {
      String s = i < secrets.size() ? secrets.get(i) : randomSecret();
      b.credential(ids.get(i), s);
    }
    return b;
  }

  private static String randomSecret() {
    byte[] r = new byte[16];
    new java.security.SecureRandom().nextBytes(r);
    return java.util.HexFormat.of().formatHex(r);
  }

  private static String next(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int integer(String name, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not an integer: " + v);
    }
  }

  private static int positive(String name, String v) {
    int n = integer(name, v);
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + v);
    }
    return n;
  }

  /**
   * Strict boolean: {@code true}/{@code false} (any case), {@code 1}/{@code 0}, {@code yes}/{@code no},
   * {@code on}/{@code off}; absent or empty is false; anything else is refused rather than
   * silently read as false.
   */
  static boolean bool(String name, String v) {
    if (v == null || v.isBlank()) {
      return false;
    }
    switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new IllegalArgumentException(name + ": not a boolean (true/false, 1/0, yes/no, on/off): " + v);
    }
  }

  private static long appId(String name, String v) {
    try {
      long id = Long.parseLong(v.trim());
      if (id < 1 || id > 0xFFFF_FFFFL) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not an AppId (an unsigned 32-bit integer, not 0): " + v);
    }
  }

  private static URI url(String name, String v) {
    try {
      URI u = URI.create(v.trim());
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": not an http(s) URL: " + v);
    }
  }
}
