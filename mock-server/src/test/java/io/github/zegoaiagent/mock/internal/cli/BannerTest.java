package io.github.zegoaiagent.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.values.MockClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone banner: as the README shows it, and its first-call line works when pasted. */
class BannerTest {
  static final Path README = Path.of("README.md");
  private static final String MARK = "<!-- banner: what the jar prints";

  /** The README's sample banner. */
  static List<String> readmeBanner() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    int at = text.indexOf(MARK);
    assertThat(at).as("the README marks its banner").isPositive();
    int start = text.indexOf("```text\n", at) + "```text\n".length();
    return text.substring(start, text.indexOf("```", start)).lines().toList();
  }

  @Test
  void theReadmeShowsWhatTheJarPrints() throws IOException {
    List<String> readme = readmeBanner();
    String secret = readme.stream().filter(l -> l.startsWith("  ServerSecret:")).findFirst().orElseThrow()
        .substring("  ServerSecret:".length()).trim();
    // The jar's own settings (standalone defaults), on a free port instead of 8080.
    MockServerConfig config = CliOptions.parse(new String[] {"--port", "0", "--server-secret", secret}, Map.of())
        .toConfig().logTo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    try (MockServer server = MockServer.start(config)) {
      List<String> printed = Banner.lines(server, "cli/target/zego-aiagent-cli.jar").stream()
          .map(l -> l.replace("127.0.0.1:" + server.baseUrl().getPort(), "127.0.0.1:8080")).toList();
      assertThat(readme).isEqualTo(printed);
      assertThat(printed.stream().filter(l -> l.contains("Base URL"))).as("one Base URL line").hasSize(1);
      assertThat(printed.get(printed.size() - 1)).contains("call ListAgents");
    }
  }

  @Test
  void theShellLineMakesASignedCallWheneverItRuns() throws Exception {
    try (MockServer server = MockServer.start(MockServerConfig.builder().credential(1234567890L, "s3cr3t\"$`\\'x").build())) {
      String line = Banner.firstCall(server, null);
      assertThat(line).doesNotContain("Timestamp=1"); // signed when pasted, not when printed
      assertThat(code(shell(line))).isZero();
      assertThat(server.journal()).extracting(e -> e.getCode()).containsExactly(0);
    }
  }

  @Test
  void withAFixedClockTheShellLineSignsOnTheMocksClockEvenMinutesLater() throws Exception {
    try (MockServer server = MockServer.start(MockServerConfig.builder()
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"))).build())) {
      String line = Banner.firstCall(server, null);
      server.advanceClock(Duration.ofMinutes(30)); // far past the 600 s a signature stays valid
      assertThat(code(shell(line))).isZero();
      assertThat(Banner.lines(server, null)).contains("  Clock:          fixed at 2026-01-01T00:30:00Z (POST /_mock/clock/advance moves it)");
    }
  }

  @Test
  void theToolLineSignsOnTheMocksClockWhenItIsFixed() {
    try (MockServer fixed = MockServer.start(MockServerConfig.builder()
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"))).credential(7L, "it's").build())) {
      assertThat(Banner.firstCall(fixed, "/opt/my tools/zego-aiagent-cli.jar"))
          .isEqualTo("java -jar '/opt/my tools/zego-aiagent-cli.jar' call ListAgents --endpoint " + fixed.baseUrl()
              + " --app-id 7 --server-secret 'it'\\''s' --timestamp mock");
    }
  }

  @Test
  void theToolIsFoundNextToTheJarOrInTheBuildTree(@TempDir Path root) throws IOException {
    Path mockJar = Files.createDirectories(root.resolve("mock-server/target")).resolve("zego-aiagent-mock-server.jar");
    Files.createFile(mockJar);
    assertThat(Banner.cliJar(mockJar, root)).isEmpty();
    Path built = Files.createDirectories(root.resolve("cli/target")).resolve(Banner.CLI_JAR);
    Files.createFile(built);
    assertThat(Banner.cliJar(mockJar, root)).contains(Path.of("cli/target/zego-aiagent-cli.jar").toString());
    assertThat(Banner.cliJar(mockJar, Files.createDirectories(root.resolve("elsewhere"))))
        .contains(built.toAbsolutePath().normalize().toString());
    Path beside = Files.createFile(mockJar.resolveSibling(Banner.CLI_JAR));
    assertThat(Banner.cliJar(mockJar, root.resolve("mock-server"))).contains(Path.of("target/zego-aiagent-cli.jar").toString());
    Files.delete(beside);
    assertThat(Banner.cliJar(null, root)).isEmpty();
  }

  @Test
  void aPortInUseSaysWhatToDo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      int status = Main.run(new String[] {"--port", Integer.toString(taken.getLocalPort())}, Map.of(), out,
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port 0");
    }
  }

  @Test
  void mistypedOptionsAndVariablesGetTheClosestName() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--prot", "0"}, Map.of(), out, new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--prot'").contains("did you mean --port?");
    assertThat(CliOptions.parse(new String[0], Map.of("ZEGO_MOCK_QPS", "0")).warnings)
        .containsExactly("warning: ZEGO_MOCK_QPS is not a setting of the mock; ignored (did you mean ZEGO_MOCK_QPS_LIMIT?)");
  }

  private static String shell(String line) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the pasted line ends").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("exit status of %s: %s", line, out).isZero();
    return out;
  }

  private static int code(String answer) throws IOException {
    JsonNode n = new ObjectMapper().readTree(answer);
    assertThat(n.path("Code").isInt()).as("an envelope: %s", answer).isTrue();
    return n.path("Code").asInt();
  }

  /**
   * The banner reaches the console in one write, as {@code System.out} (a 128-byte buffer, flushed
   * at every line) passes it on: whoever reads the {@code Base URL:} line finds the AppId and the
   * secret below it already there. Line by line, a script (and our own tests) raced the rest.
   */
  @Test
  void theBannerIsWrittenAtOnce() throws Exception {
    List<Integer> writes = new java.util.ArrayList<>();
    java.io.OutputStream console = new java.io.OutputStream() {
      @Override
      public void write(int b) {
        writes.add(1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writes.add(len);
      }
    };
    PrintStream out = new PrintStream(new java.io.BufferedOutputStream(console, 128), true, StandardCharsets.UTF_8);
    try (MockServer server = MockServer.start(MockServerConfig.builder().build())) {
      Main.printBanner(out, server);
      int size = Banner.lines(server, Banner.cliJar(Banner.thisJar(), Path.of("")).orElse(null)).stream()
          .mapToInt(l -> (l + System.lineSeparator()).getBytes(StandardCharsets.UTF_8).length).sum();
      assertThat(size).as("a banner longer than the buffer").isGreaterThan(128);
      assertThat(writes).containsExactly(size);
    }
  }
}
