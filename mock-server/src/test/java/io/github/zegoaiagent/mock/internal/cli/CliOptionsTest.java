package io.github.zegoaiagent.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.MockServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
  @Test
  void flagsWinOverEnvironment() {
    CliOptions o = CliOptions.parse(new String[] {"--port", "0", "--app-id=7", "--server-secret", "s7",
        "--app-id", "8", "--server-secret", "s8", "--strict", "--qps-limit", "0",
        "--callback-url", "http://127.0.0.1:9000/cb", "--callback-secret", "cs"},
        Map.of("ZEGO_MOCK_PORT", "1234", "ZEGO_MOCK_APP_ID", "1", "ZEGO_MOCK_QPS_LIMIT", "5"));
    MockServerConfig c = o.toConfig().build();
    assertThat(c.port()).isZero();
    assertThat(c.credentials()).containsExactly(Map.entry(7L, "s7"), Map.entry(8L, "s8"));
    assertThat(c.strict()).isTrue();
    assertThat(c.qpsLimit()).isZero();
    assertThat(c.callbackUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/cb"));
    assertThat(c.callbackSecret()).isEqualTo("cs");
    assertThat(c.toString()).doesNotContain("s7").doesNotContain("cs");
  }

  @Test
  void environmentTwins() {
    CliOptions o = CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_PORT", "9999",
        "ZEGO_MOCK_APP_ID", "1,2", "ZEGO_MOCK_SERVER_SECRET", "a,b", "ZEGO_MOCK_STRICT", "true",
        "ZEGO_MOCK_QPS_LIMIT", "3", "ZEGO_MOCK_CALLBACK_URL", "https://example.com/cb",
        "ZEGO_MOCK_CALLBACK_SECRET", "x", "ZEGO_MOCK_BIND", "0.0.0.0", "ZEGO_MOCK_CONTROL_REMOTE", "true"));
    MockServerConfig c = o.toConfig().build();
    assertThat(c.port()).isEqualTo(9999);
    assertThat(c.credentials()).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b"));
    assertThat(c.strict()).isTrue();
    assertThat(c.qpsLimit()).isEqualTo(3);
    assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(c.controlApiRemoteAllowed()).isTrue();
  }

  @Test
  void defaults() {
    MockServerConfig c = CliOptions.parse(new String[0], Map.of()).toConfig().build();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.credentials()).containsOnlyKeys(MockServerConfig.DEFAULT_APP_ID);
    assertThat(c.credentials().get(MockServerConfig.DEFAULT_APP_ID)).matches("[0-9a-f]{32}");
    assertThat(c.qpsLimit()).isEqualTo(10);
  }

  @Test
  void httpLimitsFromFlagsAndEnvironment() {
    MockServerConfig c = CliOptions.parse(new String[] {"--header-timeout", "3", "--max-connections=50"},
        Map.of("ZEGO_MOCK_IDLE_TIMEOUT", "7", "ZEGO_MOCK_HEADER_TIMEOUT", "99")).toConfig().build();
    assertThat(c.httpLimits().headerTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
    assertThat(c.httpLimits().idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
    assertThat(c.httpLimits().maxConnections()).isEqualTo(50);
    assertThat(c.httpLimits().bodyTimeout()).isEqualTo(io.github.zegoaiagent.mock.HttpLimits.defaults().bodyTimeout());
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--body-timeout", "0"}, Map.of()))
        .hasMessageContaining("--body-timeout");
  }

  @Test
  void badInputIsExplained() {
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--port", "x"}, Map.of())).hasMessageContaining("--port");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--app-id", "-1"}, Map.of())).hasMessageContaining("AppId");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--app-id", "0"}, Map.of())).hasMessageContaining("not 0");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--app-id", "4294967296"}, Map.of())).hasMessageContaining("AppId");
    assertThat(CliOptions.parse(new String[] {"--app-id", "4294967295"}, Map.of()).appIds).containsExactly(4294967295L);
    // Booleans are strict: 1/yes mean true, a typo is refused instead of meaning false.
    assertThat(CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_STRICT", "1")).strict).isTrue();
    assertThat(CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_STRICT", "yes")).strict).isTrue();
    assertThat(CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_STRICT", "off")).strict).isFalse();
    assertThatThrownBy(() -> CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_STRICT", "ture")))
        .hasMessageContaining("ZEGO_MOCK_STRICT").hasMessageContaining("not a boolean");
    assertThatThrownBy(() -> CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_CONTROL_REMOTE", "2")))
        .hasMessageContaining("ZEGO_MOCK_CONTROL_REMOTE");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--qps-limit", "-2"}, Map.of())).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--callback-url", "ftp://x"}, Map.of())).hasMessageContaining("http");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--bogus"}, Map.of())).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--port"}, Map.of())).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--server-secret", "a", "--server-secret", "b"}, Map.of()))
        .hasMessageContaining("pairs");
  }

  @Test
  void helpAndErrorsExitWithoutStarting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--help"}, Map.of(), new PrintStream(out), new PrintStream(err))).isZero();
    assertThat(out.toString()).contains("--callback-url").contains("ZEGO_MOCK_QPS_LIMIT");
    assertThat(Main.run(new String[] {"--nope"}, Map.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --nope");
  }
}
