package io.github.zegoaiagent.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.Setting;
import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.values.MockClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
  /**
   * A valid value for every setting that has a text form, different from its default. A setting
   * added without an entry here fails {@link #everySettingHasAFlagAndAVariable()}.
   */
  static final Map<String, String> VALID = Map.ofEntries(
      Map.entry("app-id", "7,4294967295"),
      Map.entry("server-secret", "s7"),
      Map.entry("strict", "true"),
      Map.entry("qps-limit", "3"),
      Map.entry("timestamp-tolerance", "30"),
      Map.entry("max-concurrent-instances", "4"),
      Map.entry("max-concurrent-digital-humans", "2"),
      Map.entry("enqueue-max", "9"),
      Map.entry("max-agents", "11"),
      Map.entry("max-agent-bytes", "12345"),
      Map.entry("max-context-messages", "12"),
      Map.entry("max-context-bytes", "2345"),
      Map.entry("max-spoken-texts", "13"),
      Map.entry("max-users-per-instance", "14"),
      Map.entry("journal-size", "15"),
      Map.entry("journal-bytes", "3456"),
      Map.entry("recorded-events", "16"),
      Map.entry("callback-url", "https://example.com/cb"),
      Map.entry("callback-secret", "cs"),
      Map.entry("callback-retry-delays", "1s,500ms,2m"),
      Map.entry("callback-timeout", "250ms"),
      Map.entry("callback-queue-size", "17"),
      Map.entry("clock", "2026-01-01T00:00:00Z"),
      Map.entry("llm-reply", "It is sunny."),
      Map.entry("llm-think-time", "1s"),
      Map.entry("speech-per-character", "5ms"),
      Map.entry("user-utterance", "Hi there"),
      Map.entry("add-answer-to-history", "false"),
      Map.entry("auto-tick", "0"),
      Map.entry("llm-forward", "true"),
      Map.entry("llm-allow-hosts", "llm.internal,10.0.0.5"),
      Map.entry("llm-timeout", "7s"),
      Map.entry("llm-max-line-bytes", "1024"),
      Map.entry("llm-max-stream-bytes", "65536"),
      Map.entry("port", "0"),
      Map.entry("proxy", "https://aigc-aiagent-api.zegotech.cn"),
      Map.entry("proxy-timeout", "10s"),
      Map.entry("proxy-max-answer-bytes", "1024"),
      Map.entry("proxy-max-in-flight", "8"),
      Map.entry("proxy-callback-path", "/zego/callback"),
      Map.entry("record", "target/live.jsonl"),
      Map.entry("drift-report", "target/drift-report.md"),
      Map.entry("bind", "0.0.0.0"),
      Map.entry("threads", "3"),
      Map.entry("header-timeout", "3"),
      Map.entry("body-timeout", "4s"),
      Map.entry("idle-timeout", "2m"),
      Map.entry("max-connections", "50"),
      Map.entry("max-request-line-bytes", "1024"),
      Map.entry("max-header-bytes", "2048"),
      Map.entry("max-body-bytes", "4096"),
      Map.entry("control-api", "false"),
      Map.entry("control-remote", "true"),
      Map.entry("log", "none"));

  /** A value each setting's syntax or range refuses. */
  static final Map<String, String> INVALID = Map.ofEntries(
      Map.entry("app-id", "0"),
      Map.entry("server-secret", "a,,b"),
      Map.entry("strict", "yes"),
      Map.entry("qps-limit", "-1"),
      Map.entry("timestamp-tolerance", "10x"),
      Map.entry("max-concurrent-instances", "0"),
      Map.entry("max-concurrent-digital-humans", "1.5"),
      Map.entry("enqueue-max", "2000000"),
      Map.entry("max-agents", "ten"),
      Map.entry("max-agent-bytes", "0"),
      Map.entry("max-context-messages", "99999999999"),
      Map.entry("max-context-bytes", "-5"),
      Map.entry("max-spoken-texts", "0"),
      Map.entry("max-users-per-instance", "1e3"),
      Map.entry("journal-size", "0x10"),
      Map.entry("journal-bytes", "8 MiB"),
      Map.entry("recorded-events", "0"),
      Map.entry("callback-url", "ftp://example.com/cb"),
      Map.entry("callback-secret", " "),
      Map.entry("callback-retry-delays", "1s,,2s"),
      Map.entry("callback-timeout", "0"),
      Map.entry("callback-queue-size", "-1"),
      Map.entry("clock", "tomorrow"),
      Map.entry("llm-reply", " "),
      Map.entry("llm-think-time", "-1s"),
      Map.entry("speech-per-character", "60 ms"),
      Map.entry("user-utterance", " "),
      Map.entry("add-answer-to-history", "maybe"),
      Map.entry("auto-tick", "1d"),
      Map.entry("llm-forward", "yes"),
      Map.entry("llm-allow-hosts", "a,,b"),
      Map.entry("llm-timeout", "0"),
      Map.entry("llm-max-line-bytes", "0"),
      Map.entry("llm-max-stream-bytes", "-1"),
      Map.entry("proxy", "https://example.com/?Action=ListAgents"),
      Map.entry("proxy-timeout", "0"),
      Map.entry("proxy-max-answer-bytes", "0"),
      Map.entry("proxy-max-in-flight", "0"),
      Map.entry("proxy-callback-path", "/_mock/callback"),
      Map.entry("record", ""),
      Map.entry("drift-report", ""),
      Map.entry("port", "65536"),
      Map.entry("bind", " "),
      Map.entry("threads", "0"),
      Map.entry("header-timeout", "0"),
      Map.entry("body-timeout", "x"),
      Map.entry("idle-timeout", "1.5s"),
      Map.entry("max-connections", "0"),
      Map.entry("max-request-line-bytes", "10"),
      Map.entry("max-header-bytes", "100000000"),
      Map.entry("max-body-bytes", "0"),
      Map.entry("control-api", "1"),
      Map.entry("control-remote", "on"),
      Map.entry("log", "everything"));

  private static List<Setting<?>> textSettings() {
    return MockServerConfig.settings().stream().filter(Setting::hasText).toList();
  }

  /** Values without equals() (clock, LLM) compared by behaviour. */
  static String render(Object v) {
    if (v instanceof MockClock c) {
      return "clock running=" + c.isRunning() + (c.isRunning() ? "" : " at " + c.millis());
    }
    if (v instanceof LlmReply r) {
      return "llm answers " + r.answer("q", null, List.of());
    }
    return String.valueOf(v);
  }

  private static CliOptions parse(String[] args, Map<String, String> env) {
    return CliOptions.parse(args, env);
  }

  @Test
  void everySettingHasAFlagAndAVariable() {
    MockServerConfig standalone = parse(new String[0], Map.of()).toConfig().build();
    for (Setting<?> s : textSettings()) {
      assertThat(VALID).as("a sample value for %s", s.key()).containsKey(s.key());
      assertThat(INVALID).as("a refused value for %s", s.key()).containsKey(s.key());
      String text = VALID.get(s.key());
      Object expected = s.parse(text, "test");
      assertThat(render(expected)).as("sample of %s differs from the standalone default", s.key())
          .isNotEqualTo(render(standalone.value(s)));

      String[] args = s.isSwitch() && text.equals("true") ? new String[] {s.flag()} : new String[] {s.flag(), text};
      MockServerConfig byFlag = parse(args, Map.of()).toConfig().build();
      assertThat(render(byFlag.value(s))).as("%s", s.flag()).isEqualTo(render(expected));

      MockServerConfig byEnv = parse(new String[0], Map.of(s.env(), text)).toConfig().build();
      assertThat(render(byEnv.value(s))).as("%s", s.env()).isEqualTo(render(expected));

      MockServerConfig both = parse(new String[] {s.flag() + "=" + text},
          Map.of(s.env(), INVALID.get(s.key()).isBlank() ? "x" : INVALID.get(s.key()))).toConfig().build();
      assertThat(render(both.value(s))).as("%s wins over %s (not even read)", s.flag(), s.env())
          .isEqualTo(render(expected));
    }
  }

  @Test
  void everyBadValueIsRefusedNamingItsSource() {
    for (Setting<?> s : textSettings()) {
      String bad = INVALID.get(s.key());
      assertThatThrownBy(() -> parse(new String[] {s.flag() + "=" + bad}, Map.of()))
          .as("%s=%s", s.flag(), bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(s.flag());
      if (!bad.isBlank()) { // an empty variable counts as unset
        assertThatThrownBy(() -> parse(new String[0], Map.of(s.env(), bad)))
            .as("%s=%s", s.env(), bad).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(s.env());
      }
    }
  }

  @Test
  void booleansAreStrict() {
    for (String v : List.of("1", "yes", "on", "0", "no", "ture", "")) {
      if (v.isEmpty()) {
        assertThat(parse(new String[0], Map.of("ZEGO_MOCK_STRICT", v)).toConfig().build().gateway().strict()).isFalse();
        continue;
      }
      assertThatThrownBy(() -> parse(new String[0], Map.of("ZEGO_MOCK_STRICT", v)))
          .as(v).hasMessageContaining("ZEGO_MOCK_STRICT").hasMessageContaining("not a boolean (true or false)");
    }
    assertThat(parse(new String[0], Map.of("ZEGO_MOCK_STRICT", "TRUE")).toConfig().build().gateway().strict()).isTrue();
    assertThat(parse(new String[] {"--strict=false"}, Map.of("ZEGO_MOCK_STRICT", "true")).toConfig().build()
        .gateway().strict()).isFalse();
    assertThatThrownBy(() -> parse(new String[] {"--control-remote=yes"}, Map.of()))
        .hasMessageContaining("--control-remote").hasMessageContaining("not a boolean");
  }

  @Test
  void llmForwardingIsOffUnlessAskedAndLoopbackOnly() {
    var off = parse(new String[0], Map.of()).toConfig().build().llmForward();
    assertThat(off.enabled()).isFalse();
    assertThat(off.allowHosts()).containsExactly(io.github.zegoaiagent.mock.config.LlmForwardSettings.LOOPBACK);
    var on = parse(new String[] {"--llm-forward", "--llm-allow-hosts", "llm.internal", "--llm-allow-hosts", "10.0.0.5",
        "--llm-timeout=7"}, Map.of()).toConfig().build().llmForward();
    assertThat(on.enabled()).isTrue();
    assertThat(on.allowHosts()).containsExactlyInAnyOrder("llm.internal", "10.0.0.5");
    assertThat(on.timeout()).isEqualTo(Duration.ofSeconds(7));
    var env = parse(new String[0], Map.of("ZEGO_MOCK_LLM_FORWARD", "true", "ZEGO_MOCK_LLM_ALLOW_HOSTS", "*"))
        .toConfig().build().llmForward();
    assertThat(env.enabled()).isTrue();
    assertThat(env.allowHosts()).containsExactly(io.github.zegoaiagent.mock.config.LlmForwardSettings.ANY);
    assertThatThrownBy(() -> parse(new String[] {"--llm-allow-hosts", "none"}, Map.of()))
        .hasMessageContaining("--llm-allow-hosts").hasMessageContaining("at least one host");
    assertThat(CliOptions.usage()).contains("--llm-forward", "ZEGO_MOCK_LLM_ALLOW_HOSTS");
  }

  @Test
  void appIdIsAnUnsignedThirtyTwoBitIntegerNotZero() {
    assertThatThrownBy(() -> parse(new String[] {"--app-id", "0"}, Map.of())).hasMessageContaining("not 0");
    assertThatThrownBy(() -> parse(new String[] {"--app-id", "-1"}, Map.of())).hasMessageContaining("AppId");
    assertThatThrownBy(() -> parse(new String[] {"--app-id", "4294967296"}, Map.of())).hasMessageContaining("AppId");
    assertThatThrownBy(() -> parse(new String[] {"--app-id", "18446744073709551616"}, Map.of()))
        .hasMessageContaining("--app-id");
    assertThatThrownBy(() -> parse(new String[0], Map.of("ZEGO_MOCK_APP_ID", "1, 0"))).hasMessageContaining("not 0");
    assertThatThrownBy(() -> parse(new String[] {"--app-id", "5", "--app-id", "5"}, Map.of()))
        .hasMessageContaining("twice");
    assertThat(parse(new String[] {"--app-id", "1"}, Map.of()).toConfig().build().credentials()).containsOnlyKeys(1L);
    assertThat(parse(new String[] {"--app-id", "4294967295"}, Map.of()).toConfig().build().credentials())
        .containsOnlyKeys(4294967295L);
  }

  @Test
  void credentialsComeInPairs() {
    MockServerConfig c = parse(new String[] {"--app-id=7", "--server-secret", "s7", "--app-id", "8",
        "--server-secret", "s8"}, Map.of("ZEGO_MOCK_APP_ID", "1")).toConfig().build();
    assertThat(c.credentials()).containsExactly(Map.entry(7L, "s7"), Map.entry(8L, "s8"));
    MockServerConfig env = parse(new String[0], Map.of("ZEGO_MOCK_APP_ID", "1,2", "ZEGO_MOCK_SERVER_SECRET", "a, b"))
        .toConfig().build();
    assertThat(env.credentials()).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b"));
    MockServerConfig oneSecret = parse(new String[] {"--server-secret", "only"}, Map.of()).toConfig().build();
    assertThat(oneSecret.credentials()).containsExactly(Map.entry(MockServerConfig.DEFAULT_APP_ID, "only"));
    MockServerConfig missing = parse(new String[] {"--app-id", "1", "--app-id", "2", "--server-secret", "a"}, Map.of())
        .toConfig().build();
    assertThat(missing.credentials().get(1L)).isEqualTo("a");
    assertThat(missing.credentials().get(2L)).matches("[0-9a-f]{32}");
    assertThatThrownBy(() -> parse(new String[] {"--server-secret", "a", "--server-secret", "b"}, Map.of()))
        .hasMessageContaining("pairs");
    assertThat(c.toString()).doesNotContain("s7").doesNotContain("s8");
  }

  @Test
  void standaloneDefaults() {
    MockServerConfig c = parse(new String[0], Map.of()).toConfig().build();
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.http().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.credentials()).containsOnlyKeys(MockServerConfig.DEFAULT_APP_ID);
    assertThat(c.credentials().get(MockServerConfig.DEFAULT_APP_ID)).matches("[0-9a-f]{32}");
    assertThat(c.gateway().qpsLimit()).isEqualTo(MockServerConfig.builder().build().gateway().qpsLimit());
    assertThat(c.log().log()).hasToString("REQUESTS");
    assertThat(c.http().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    // Embedded, the same settings default differently: any free port, no console log.
    MockServerConfig embedded = MockServerConfig.builder().build();
    assertThat(embedded.http().port()).isZero();
    assertThat(embedded.log().log()).hasToString("NONE");
  }

  @Test
  void quietTurnsTheRequestLogOff() {
    CliOptions q = parse(new String[] {"--quiet"}, Map.of());
    assertThat(q.quiet).isTrue();
    assertThat(q.toConfig().build().log().log()).hasToString("NONE");
    assertThat(parse(new String[0], Map.of("ZEGO_MOCK_QUIET", "true")).quiet).isTrue();
    assertThatThrownBy(() -> parse(new String[] {"--quiet", "--log", "requests"}, Map.of()))
        .hasMessageContaining("contradict");
    assertThatThrownBy(() -> parse(new String[0], Map.of("ZEGO_MOCK_QUIET", "yes")))
        .hasMessageContaining("ZEGO_MOCK_QUIET");
  }

  @Test
  void unknownVariablesAreNamed() {
    CliOptions o = parse(new String[0], Map.of("ZEGO_MOCK_QPS", "0", "ZEGO_MOCK_IMAGE", "x", "HOME", "/root"));
    assertThat(o.warnings).containsExactly("warning: ZEGO_MOCK_QPS is not a setting of the mock; ignored (see --help)");
  }

  @Test
  void badCommandLinesAreExplained() {
    assertThatThrownBy(() -> parse(new String[] {"--bogus"}, Map.of())).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> parse(new String[] {"--port"}, Map.of())).hasMessageContaining("--port");
    assertThatThrownBy(() -> parse(new String[] {"--port", "x"}, Map.of())).hasMessageContaining("--port")
        .hasMessageContaining("not an integer");
    assertThatThrownBy(() -> parse(new String[] {"--callback-url", "ftp://x"}, Map.of())).hasMessageContaining("http");
    assertThatThrownBy(() -> parse(new String[] {"--server-secret", "topsecret", "--server-secret", "b"}, Map.of()))
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> parse(new String[] {"--server-secret=a,,b"}, Map.of()))
        .hasMessageContaining("--server-secret").hasMessageNotContaining("a,,b");
    assertThat(parse(new String[] {"--callback-url", "http://127.0.0.1:9000/cb"}, Map.of()).toConfig().build()
        .callbacks().url()).isEqualTo(URI.create("http://127.0.0.1:9000/cb"));
  }

  @Test
  void helpListsEverySettingWithItsVariableAndDefault() {
    String help = CliOptions.usage();
    for (Setting<?> s : textSettings()) {
      assertThat(help).as(s.key()).contains(s.flag()).contains(s.env());
    }
    assertThat(help).contains("--quiet").contains("--help").contains("x-zego-limits.qpsPerAction")
        .contains("default 8080 (embedded: 0)");
  }

  @Test
  void helpAndErrorsExitWithoutStarting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--help"}, Map.of(), o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--callback-url").contains("ZEGO_MOCK_QPS_LIMIT");
    assertThat(Main.run(new String[] {"--nope"}, Map.of(), o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Unknown option: '--nope'").contains("--help");
    err.reset();
    assertThat(Main.run(new String[0], Map.of("ZEGO_MOCK_STRICT", "1"), o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ZEGO_MOCK_STRICT").contains("not a boolean");
  }
}
