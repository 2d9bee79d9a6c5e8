package io.github.zegoaiagent.mock.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The validating proxy (ADR 0014): instead of simulating, the mock forwards every API request byte
 * for byte to an upstream (the live service, or any mock), answers with what it sent back,
 * checks both against the contract and reports the differences ("drift") at
 * {@code GET /_mock/drift} and in a Markdown report. Off unless {@link #upstream()} is set; the
 * mock's own state is not involved while it is on.
 *
 * <pre>{@code
 * MockServerConfig.builder().proxy(URI.create("https://aigc-aiagent-api.zegotech.cn"))
 *     .record(Path.of("target/live.jsonl")).driftReport(Path.of("target/drift-report.md")).build();
 * }</pre>
 *
 * @param upstream where requests are forwarded (http or https, no query), or null to simulate
 * @param timeout deadline of one forwarded exchange: connect, headers and the whole answer
 * @param maxAnswerBytes largest answer accepted from the upstream
 * @param maxInFlight exchanges forwarded at once (more are answered HTTP 503 at once)
 * @param callbackPath path where the service's callbacks are received
 * @param record where exchanges are recorded (JSON lines, masked), or null
 * @param driftReport where the Markdown report is written at exit and on demand, or null
 */
public record ProxySettings(URI upstream, Duration timeout, int maxAnswerBytes, int maxInFlight, String callbackPath,
    Path record, Path driftReport) {
  /** Upstream. */
  public static final Setting<URI> PROXY = Setting.<URI>of("proxy",
          "Forward every API request unchanged to this base URL (e.g. https://aigc-aiagent-api.zegotech.cn) and report "
              + "where requests and answers differ from the contract; none: simulate", URI.class)
      .text("URL", Text::httpUrl).check(ProxySettings::checkUpstream).build();
  /** Deadline. */
  public static final Setting<Duration> TIMEOUT = Setting.<Duration>of("proxy-timeout",
          "Deadline of one forwarded exchange: connect, headers and the whole answer (then HTTP 504)", Duration.class)
      .text("DURATION", Text::duration).byDefault("30s").check(Text.atLeast(Duration.ofMillis(1))).build();
  /** Answer cap. */
  public static final Setting<Integer> MAX_ANSWER_BYTES = Setting.<Integer>of("proxy-max-answer-bytes",
          "Largest answer accepted from the upstream (larger: HTTP 502)", Integer.class)
      .text("N", Text::integer).byDefault(String.valueOf(4 << 20)).check(Text.range(1, 1 << 30)).build();
  /** In flight. */
  public static final Setting<Integer> MAX_IN_FLIGHT = Setting.<Integer>of("proxy-max-in-flight",
          "Exchanges forwarded at once (more: HTTP 503 at once, nothing forwarded)", Integer.class)
      .text("N", Text::integer).byDefault("64").check(Text.range(1, 10_000)).build();
  /** Callback path. */
  public static final Setting<String> CALLBACK_PATH = Setting.<String>of("proxy-callback-path",
          "Path where the proxy receives the service's callbacks (checked with --callback-secret, forwarded to "
              + "--callback-url)", String.class)
      .text("PATH", Text::nonEmpty).byDefault("/callback").check(ProxySettings::checkCallbackPath).build();
  /** Recording. */
  public static final Setting<Path> RECORD = Setting.<Path>of("record",
          "Record every proxied exchange and callback to this file: one JSON document per line, secrets masked; none: off",
          Path.class)
      .text("FILE", Text::path).build();
  /** Markdown report. */
  public static final Setting<Path> DRIFT_REPORT = Setting.<Path>of("drift-report",
          "Write the Markdown drift report there at exit and on POST /_mock/drift/report (proxy only); none: off",
          Path.class)
      .text("FILE", Text::path).standaloneDefault("zego-drift-report.md").build();

  /** The group. */
  public static final SettingGroup<ProxySettings> GROUP = SettingGroup.of("proxy",
      v -> new ProxySettings(v.get(PROXY), v.get(TIMEOUT), v.get(MAX_ANSWER_BYTES), v.get(MAX_IN_FLIGHT),
          v.get(CALLBACK_PATH), v.get(RECORD), v.get(DRIFT_REPORT)),
      PROXY, TIMEOUT, MAX_ANSWER_BYTES, MAX_IN_FLIGHT, CALLBACK_PATH, RECORD, DRIFT_REPORT);

  /** @return whether the mock runs as a validating proxy */
  public boolean enabled() {
    return upstream != null;
  }

  private static void checkUpstream(URI u) {
    Text.checkHttpUrl(u);
    if (u != null && (u.getRawQuery() != null || u.getRawFragment() != null)) {
      throw new IllegalArgumentException("the upstream is a base URL without query or fragment: " + u);
    }
    if (u != null && u.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the upstream must not carry credentials (user info): requests are signed");
    }
  }

  private static void checkCallbackPath(String p) {
    if (p == null || !p.startsWith("/") || p.equals("/") || p.startsWith("/_mock/") || p.indexOf('?') >= 0
        || !p.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("a path such as /callback: starting with /, not / itself, not under /_mock/, "
          + "visible ASCII, no query");
    }
  }
}
