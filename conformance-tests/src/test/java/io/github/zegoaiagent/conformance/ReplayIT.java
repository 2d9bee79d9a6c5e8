package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.zegoaiagent.conformance.raw.Tamper;
import io.github.zegoaiagent.conformance.replay.Recording;
import io.github.zegoaiagent.conformance.replay.Replayer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recordings of the validating proxy ({@code --record}) replayed against the target: each recorded
 * exchange is sent again (signed for the target, ids the target issued put in place of the
 * recorded ones) and must get the same Code and the same answer shape. A recording made against
 * the live service thereby becomes a regression test of the mock and the contract. Replayed: a
 * recording made in this run through the proxy, the ones committed under
 * {@code src/test/resources/recordings/}, and any given with {@code -Dconformance.recordings=<file or directory>}.
 */
@ExtendWith(ReportExtension.class)
class ReplayIT {
  static final Path COMMITTED = Path.of("src", "test", "resources", "recordings");

  @Test
  void aRecordingMadeThroughTheProxyReplaysAgainstTheTarget() throws Exception {
    Suite.SPEC.actions().forEach(a -> Report.cover(a, "replay"));
    assumeTrue(TARGET.isMock(), "the recorded flow has walkie-talkie turns; they need a user publishing in a room");
    Path file = Files.createDirectories(Path.of(System.getProperty("conformance.reportDir", "target"), "recordings"))
        .resolve("client-flow.jsonl");
    try (MockServer upstream = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
         MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(upstream.baseUrl()).record(file).build())) {
      ClientEndToEndIT.run(proxy.baseUrl(), upstream.appId(), upstream.serverSecret());
      assertThat(proxy.driftReport().drifted()).as("%s", proxy.driftMarkdown()).isZero();
    }
    Recording recording = Recording.read(file);
    assertThat(recording.replayable()).extracting(RecordedExchange::action).containsAll(Suite.SPEC.actions());
    assertReplays(recording);
  }

  @TestFactory
  Stream<DynamicTest> committedAndGivenRecordingsReplay() throws IOException, URISyntaxException {
    List<Path> files = new ArrayList<>(recordingsIn(COMMITTED));
    String given = System.getProperty("conformance.recordings");
    if (given != null && !given.isBlank()) {
      files.addAll(recordingsIn(Path.of(given)));
    }
    assertThat(files).as("recordings in %s", COMMITTED.toAbsolutePath()).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      Recording recording = Recording.read(f);
      recording.replayable().forEach(x -> Report.cover(x.action(), "replay"));
      boolean onlyReads = recording.replayable().stream().allMatch(x -> Suite.READ_ONLY.contains(x.action()));
      assumeTrue(onlyReads || TARGET.mayCreateResources(), "the recording creates or changes resources; "
          + "pass -Dconformance.allowBillable=true to replay it on the live service");
      assumeTrue(TARGET.isMock() || recording.replayable().stream().noneMatch(x -> x.action().endsWith("Listening")),
          "the recording has walkie-talkie turns; they need a user publishing in a room");
      assertReplays(recording);
    }));
  }

  private static List<Path> recordingsIn(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("no recording at " + p.toAbsolutePath() + " (-Dconformance.recordings)");
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static void assertReplays(Recording recording) {
    List<Replayer.Step> steps = new Replayer((action, body) -> RAW.send(action, body, Tamper.none())).replay(recording);
    List<String> problems = new ArrayList<>();
    for (Replayer.Step s : steps) {
      s.differences().forEach(d -> problems.add("#" + s.recorded().sequence() + " " + s.recorded().action() + ": " + d));
    }
    assertThat(problems).as("replaying %s against %s", recording.source(), TARGET.describe()).isEmpty();
    assertThat(steps).isNotEmpty();
  }
}
