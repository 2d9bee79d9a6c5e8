package io.github.zegoaiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first contact, as a user makes it: the standalone mock started from the repository
 * root prints a banner whose last line, pasted into a shell, makes a signed call with this
 * module's standalone jar and gets Code 0.
 */
class FirstCallIT {
  static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  static final Path MOCK_JAR = Path.of(System.getProperty("mock.standalone.jar",
      "../mock-server/target/zego-aiagent-mock-server.jar")).toAbsolutePath().normalize();
  static final Path CLI_JAR = Path.of(System.getProperty("cli.standalone.jar", "target/zego-aiagent-cli.jar"))
      .toAbsolutePath().normalize();

  @Test
  void theBannersLastLinePastedIntoAShellMakesASignedCall() throws Exception {
    assertThat(MOCK_JAR).as("the mock's standalone jar; build it: ./mvnw -B -ntp -pl mock-server,cli -am package").exists();
    assertThat(CLI_JAR).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process mock = new ProcessBuilder(java, "-jar", MOCK_JAR.toString(), "--port", "0", "--log", "none")
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
      List<String> banner = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("First call")) {
        banner.add(line);
      }
      assertThat(line).as("the banner ends with a first call: %s", banner).isNotNull();
      String pasted = out.readLine().strip();
      assertThat(pasted).startsWith("java -jar " + ROOT.relativize(CLI_JAR) + " call ListAgents --endpoint http://127.0.0.1:");
      // The user's shell, in the folder they started the mock from, with `java` on the PATH.
      ProcessBuilder shell = new ProcessBuilder("sh", "-c", pasted).directory(ROOT.toFile()).redirectErrorStream(true);
      shell.environment().put("PATH", Path.of(java).getParent() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      Process call = shell.start();
      assertThat(call.waitFor(60, TimeUnit.SECONDS)).as("the call ends").isTrue();
      String answer = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(call.exitValue()).as(answer).isZero();
      JsonNode n = new ObjectMapper().readTree(answer);
      assertThat(n.path("Code").asInt()).isZero();
      assertThat(n.path("Data").path("Agents").isArray()).isTrue();
      assertThat(Files.size(CLI_JAR)).as("the standalone jar carries its dependencies").isGreaterThan(1_000_000);
    } finally {
      mock.destroy();
      mock.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
