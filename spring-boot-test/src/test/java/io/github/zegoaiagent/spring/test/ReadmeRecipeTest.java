package io.github.zegoaiagent.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The starter README's "Test your backend" recipe is the sample application verbatim (which the
 * build compiles and tests on Boot 4.x and 3.5.x), and the root README sends readers to it.
 */
class ReadmeRecipeTest {
  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("samples/voice-backend")) && Files.exists(dir.resolve("spring-boot-starter/README.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
  }

  static String recipe() throws IOException {
    String readme = Files.readString(root().resolve("spring-boot-starter/README.md"));
    int start = readme.indexOf("\n## Test your backend\n");
    assertThat(start).as("the section exists").isPositive();
    int end = readme.indexOf("\n## ", start + 5);
    return readme.substring(start, end);
  }

  static List<String> blocks(String text, String language) {
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  static String sample(String file) throws IOException {
    return Files.readString(root().resolve("samples/voice-backend").resolve(file)).stripTrailing();
  }

  @Test
  void everyFileOfTheRecipeIsTheSamplesFile() throws IOException {
    String recipe = recipe();
    assertThat(blocks(recipe, "yaml")).containsExactly(sample("src/main/resources/application.yml"));
    assertThat(blocks(recipe, "java")).containsExactly(
        sample("src/main/java/com/example/voicebackend/AgentEvents.java"),
        sample("src/main/java/com/example/voicebackend/TokenController.java"),
        sample("src/test/java/com/example/voicebackend/VoiceAgentTest.java"));
  }

  @Test
  void theRecipesDependenciesAreTheSamples() throws IOException {
    String pom = sample("pom.xml").replaceAll("\\s+", "");
    List<String> xml = blocks(recipe(), "xml");
    assertThat(xml).hasSize(1);
    Matcher d = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL).matcher(xml.get(0));
    int n = 0;
    while (d.find()) {
      assertThat(pom).contains(d.group().replaceAll("\\s+", ""));
      n++;
    }
    assertThat(n).isEqualTo(4);
  }

  @Test
  void theRootReadmeSendsReadersToTheRecipe() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    assertThat(readme).contains("(spring-boot-starter/README.md#test-your-backend)", "zego-aiagent-spring-boot-test:0.1.0");
  }
}
