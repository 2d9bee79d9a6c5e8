package io.github.zegoaiagent.mock.config;

import java.time.Duration;

/**
 * The HTTP front (ADR 0002): where it listens, its threads, and its timeouts and bounds. A client
 * that exceeds one costs its own connection only: the front answers with the status listed in
 * the module README's "Every answer" table (or closes an idle connection silently) and closes it.
 *
 * @param port TCP port; 0 means a free port chosen at start
 * @param bindAddress address the server binds to
 * @param threads the front's event-loop threads (they also run the short, bounded pipeline)
 * @param headerTimeout from a request's first byte to the end of its header section
 * @param bodyTimeout from the end of the headers to the end of the body; also the longest a
 *     client may leave an answer unread
 * @param idleTimeout how long a keep-alive connection may stay silent between requests
 * @param maxConnections connections served at once; one more is closed at once, unanswered
 * @param maxRequestLineBytes longest request line (method, target, version); longer: HTTP 414
 * @param maxHeaderBytes largest header section; larger: HTTP 431
 * @param maxBodyBytes largest accepted request body
 * @param controlApiEnabled whether {@code /_mock/} is served
 * @param controlApiRemoteAllowed whether {@code /_mock/} answers callers not on loopback
 */
public record HttpSettings(int port, String bindAddress, int threads, Duration headerTimeout,
    Duration bodyTimeout, Duration idleTimeout, int maxConnections, int maxRequestLineBytes,
    int maxHeaderBytes, int maxBodyBytes, boolean controlApiEnabled, boolean controlApiRemoteAllowed) {
  /** Port. */
  public static final Setting<Integer> PORT = Setting.<Integer>of("port", "TCP port; 0 = any free port", Integer.class)
      .text("N", Text::integer).byDefault("0").standaloneDefault("8080").check(Text.range(0, 65535)).build();
  /** Bind address. */
  public static final Setting<String> BIND = Setting.<String>of("bind",
          "Bind address; 0.0.0.0 for all interfaces (containers)", String.class)
      .text("ADDRESS", Text::nonEmpty).byDefault("127.0.0.1").check(Text::nonEmpty).build();
  /** Threads. */
  public static final Setting<Integer> THREADS = Setting.<Integer>of("threads",
          "Event-loop threads of the HTTP front (they also run the short pipeline; slow clients and delays hold none)",
          Integer.class)
      .text("N", Text::integer)
      .byDefault("max(2, cores)", () -> Math.max(2, Runtime.getRuntime().availableProcessors()))
      .check(Text.range(1, 256)).build();
  /** Header timeout. */
  public static final Setting<Duration> HEADER_TIMEOUT = timeout("header-timeout",
      "Time for a request's line and headers, from its first byte (then HTTP 408, closed)", "10s");
  /** Body timeout. */
  public static final Setting<Duration> BODY_TIMEOUT = timeout("body-timeout",
      "Time for a request's body after its headers, and for the client to read an answer", "30s");
  /** Idle timeout. */
  public static final Setting<Duration> IDLE_TIMEOUT = timeout("idle-timeout",
      "Time an idle keep-alive connection stays open", "60s");
  /** Connections. */
  public static final Setting<Integer> MAX_CONNECTIONS = bound("max-connections",
      "Connections served at once; more are closed unanswered", "4096", 1, 1_000_000);
  /** Request line. */
  public static final Setting<Integer> MAX_REQUEST_LINE_BYTES = bound("max-request-line-bytes",
      "Longest request line in bytes (longer: HTTP 414)", "65536", 256, 16 << 20);
  /** Header section. */
  public static final Setting<Integer> MAX_HEADER_BYTES = bound("max-header-bytes",
      "Largest header section in bytes (larger: HTTP 431)", "65536", 256, 16 << 20);
  /** Body. */
  public static final Setting<Integer> MAX_BODY_BYTES = bound("max-body-bytes",
      "Largest request body in bytes (larger: refused, the rest not read, connection closed)", String.valueOf(1 << 20), 1, 1 << 30);
  /** Control API on/off. */
  public static final Setting<Boolean> CONTROL_API = Setting.<Boolean>of("control-api",
          "Serve the control API under /_mock/", Boolean.class)
      .text("true|false", Text::bool).byDefault("true").check(Text.notNull()).build();
  /** Control API for remote callers. */
  public static final Setting<Boolean> CONTROL_REMOTE = Setting.<Boolean>of("control-remote",
          "Let non-loopback callers use /_mock/", Boolean.class)
      .text("", Text::bool).byDefault("false").check(Text.notNull()).build();

  /** The group. */
  public static final SettingGroup<HttpSettings> GROUP = SettingGroup.of("http",
      v -> new HttpSettings(v.get(PORT), v.get(BIND), v.get(THREADS), v.get(HEADER_TIMEOUT), v.get(BODY_TIMEOUT),
          v.get(IDLE_TIMEOUT), v.get(MAX_CONNECTIONS), v.get(MAX_REQUEST_LINE_BYTES), v.get(MAX_HEADER_BYTES),
          v.get(MAX_BODY_BYTES), v.get(CONTROL_API), v.get(CONTROL_REMOTE)),
      PORT, BIND, THREADS, HEADER_TIMEOUT, BODY_TIMEOUT, IDLE_TIMEOUT, MAX_CONNECTIONS, MAX_REQUEST_LINE_BYTES,
      MAX_HEADER_BYTES, MAX_BODY_BYTES, CONTROL_API, CONTROL_REMOTE);

  private static Setting<Duration> timeout(String key, String description, String byDefault) {
    return Setting.<Duration>of(key, description, Duration.class).text("DURATION", Text::duration)
        .byDefault(byDefault).check(Text.atLeast(Duration.ofMillis(1))).build();
  }

  private static Setting<Integer> bound(String key, String description, String byDefault, int min, int max) {
    return Setting.<Integer>of(key, description, Integer.class).text("N", Text::integer)
        .byDefault(byDefault).check(Text.range(min, max)).build();
  }
}
