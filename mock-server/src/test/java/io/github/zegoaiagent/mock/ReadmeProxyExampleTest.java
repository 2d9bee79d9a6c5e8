package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.control.model.DriftReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's proxy example is {@link ReadmeProxyExample}, verbatim after the block's imports
 * (which readme-snippets compiles), and it runs (a mock as the upstream).
 */
class ReadmeProxyExampleTest {
  @TempDir
  Path dir;

  @Test
  void theRootReadmeShowsTheCompiledExample() throws Exception {
    assertThat(Files.readString(Path.of("../README.md")))
        .contains("\n\n" + ReadmeExamplesTest.example("ReadmeProxyExample.java", 4) + "\n```");
  }

  @Test
  void theExampleRunsWithAMockAsTheUpstream() throws Exception {
    try (MockServer upstream = TestServers.start()) {
      DriftReport r = ReadmeProxyExample.run(upstream.baseUrl(), dir, endpoint -> AllActions.run(
          new RawApi(endpoint, upstream.appId(), upstream.serverSecret(), () -> upstream.clock().millis())));
      assertThat(r.getExchanges()).isEqualTo(22);
      assertThat(r.getDrifted()).isZero();
    }
    assertThat(Files.readString(dir.resolve("drift-report.md"))).contains("with drift: 0");
    assertThat(Files.lines(dir.resolve("live.jsonl")).collect(Collectors.toList())).hasSize(23);
  }
}
