package io.github.zegoaiagent.client.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * client/README.md shows these compiled examples verbatim, imports included: the README's Java
 * block is the file's import lines, a blank line, then the code between the markers.
 */
class ReadmeSnippetsTest {

  static String snippet(String file) throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/test/java/io/github/zegoaiagent/client/readme/" + file));
    String imports = source.stream().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
    int begin = source.indexOf("    // README-BEGIN");
    int end = source.indexOf("    // README-END");
    String body = source.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
    return "```java\n" + imports + "\n\n" + body + "\n```";
  }

  @ParameterizedTest
  @ValueSource(strings = {"ReadmeEnvExample.java", "ReadmeFeignExample.java"})
  void theReadmeShowsTheCompiledExampleWithItsImports(String file) throws Exception {
    assertThat(Files.readString(Path.of("README.md"))).contains(snippet(file));
  }
}
