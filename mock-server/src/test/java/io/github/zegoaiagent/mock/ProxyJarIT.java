package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validating proxy as users start it: one standalone jar simulating, a second one started with
 * {@code --proxy <the first> --record ... --drift-report ...} in front of it, all 19 actions
 * through the second, then SIGTERM: the Markdown report is written at exit and says where.
 */
class ProxyJarIT {
  @Test
  void theStandaloneJarProxiesRecordsAndReportsAtExit() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "proxy-jar-it").toAbsolutePath());
    Path recording = dir.resolve("recording.jsonl");
    Path report = dir.resolve("drift-report.md");
    Files.deleteIfExists(report);
    try (JarProcess upstream = JarProcess.start(Map.of("ZEGO_MOCK_APP_ID", "778"), "--port", "0", "--qps-limit", "0",
        "--log", "none")) {
      URI upstreamUrl = upstream.baseUrl();
      String secret = upstream.find("ServerSecret:\\s+([0-9a-f]{32})");
      try (JarProcess proxy = JarProcess.start(Map.of("ZEGO_MOCK_RECORD", recording.toString()), "--port", "0",
          "--proxy", upstreamUrl.toString(), "--drift-report", report.toString())) {
        URI base = proxy.baseUrl();
        assertThat(proxy.find("Upstream:\\s+(\\S+)")).isEqualTo(upstreamUrl.toString());
        assertThat(proxy.lines()).noneMatch(l -> l.contains("ServerSecret:"));
        RawApi api = new RawApi(base, 778L, secret, System::currentTimeMillis);
        assertThat(AllActions.run(api)).containsExactlyInAnyOrderElementsOf(ActionHandler.table().keySet());
        var drift = MockControlClient.of(base).drift();
        assertThat(drift.getDrifted()).isZero();
        assertThat(drift.getExchanges()).isEqualTo(22L);
        assertThat(drift.getRecording().getLines()).isEqualTo(22L);
        assertThat(proxy.stop()).isEqualTo(143);
        assertThat(proxy.lines()).anyMatch(l -> l.startsWith("zego-aiagent-mock-server: drift report written to ")
            && l.endsWith("(22 exchanges, 0 with drift)"));
      }
      upstream.stop();
    }
    assertThat(Files.readString(report)).contains("- Exchanges: 22, callbacks: 0, with drift: 0");
    List<String> lines = Files.readAllLines(recording);
    assertThat(lines).hasSize(23);
    assertThat(String.join("\n", lines)).doesNotContain("sk-test");
  }
}
