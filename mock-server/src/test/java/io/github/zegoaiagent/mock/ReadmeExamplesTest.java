package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * mock-server/README.md's Java examples are compiled code: {@link ReadmeEmbedExample} and
 * {@link ReadmeControlExample} (run here) and {@link ReadmeKitExampleTest} (a test of its own),
 * each verbatim between its markers.
 */
class ReadmeExamplesTest {
  static final Path DIR = Path.of("src/test/java/io/github/zegoaiagent/mock");

  static String example(String file, int indent) throws Exception {
    List<String> source = Files.readAllLines(DIR.resolve(file));
    int begin = source.indexOf(" ".repeat(indent) + "// README-BEGIN");
    int end = source.indexOf(" ".repeat(indent) + "// README-END");
    assertThat(begin).as("markers in %s", file).isNotNegative().isLessThan(end);
    return source.subList(begin + 1, end).stream()
        .map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theReadmeShowsExactlyTheCompiledExamples() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    // The statement blocks start with their imports (compiled by readme-snippets), then the code.
    assertThat(readme).contains("\n\n" + example("ReadmeEmbedExample.java", 4) + "\n```");
    assertThat(readme).contains("```java\n" + example("ReadmeKitExampleTest.java", 0) + "\n```");
    assertThat(readme).contains("\n\n" + example("ReadmeControlExample.java", 4) + "\n```");
  }

  @Test
  void theControlExampleRunsAgainstAMockOnAPort() {
    try (MockServer mock = TestServers.start()) {
      // reset comes first in the example: the instance it then asks for is gone, a 404
      String id = YourBackend.greet(mock.baseUrl(), mock.appId(), mock.serverSecret(), mock.clock().asClock(), "Hi");
      io.github.zegoaiagent.mock.control.MockControlException gone = org.assertj.core.api.Assertions.catchThrowableOfType(
          io.github.zegoaiagent.mock.control.MockControlException.class, () -> ReadmeControlExample.run(mock.port(), id));
      assertThat(gone.status()).isEqualTo(404);
      assertThat(mock.faults()).hasSize(1);
      assertThat(mock.clock().millis()).isEqualTo(TestServers.START.toEpochMilli() + 5_000L);
    }
  }

  @Test
  void theEmbedExampleRuns() {
    String[] seen = new String[1];
    ReadmeEmbedExample.run((endpoint, appId, secret, clock, text) -> seen[0] = YourBackend.greet(endpoint, appId, secret, clock, text));
    assertThat(seen[0]).matches("[0-9]{19}");
  }
}
