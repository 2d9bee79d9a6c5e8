package io.github.zegoaiagent.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The READMEs show exactly the compiled example ({@link GreetingTest}, which runs as a test of its own). */
class ReadmeTest {
  @ParameterizedTest
  @ValueSource(strings = {"README.md", "../README.md"})
  void theReadmeShowsTheCompiledExample(String readme) throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/test/java/io/github/zegoaiagent/testkit/readme/GreetingTest.java"));
    String example = String.join("\n", source.subList(source.indexOf("// README-BEGIN") + 1, source.indexOf("// README-END")));
    assertThat(example).contains("@ZegoAiAgentTest");
    assertThat(Files.readString(Path.of(readme))).contains("```java\n" + example + "\n```");
  }
}
