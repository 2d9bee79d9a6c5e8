package io.github.zegoaiagent.mock.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract's {@code x-zego-*} extensions are not JSON Schema keywords; the validator must
 * know them as non-validation keywords, or networknt logs {@code Unknown keyword x-zego-...} at
 * WARN for each of them in every JVM that embeds the mock (with Logback, Log4j, slf4j-simple...).
 *
 * <p>A child JVM with slf4j-simple as its explicit SLF4J provider compiles every request schema;
 * its stderr must hold no warning. The child proves it logs at all: its own WARN canary line.
 */
class SchemaLoggingTest {

  @Test
  void compilingEveryRequestSchemaLogsNoWarning() throws IOException, InterruptedException {
    String out = runWithSlf4jSimple(SchemaLogProbe.class, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    assertThat(out).contains("probed ");
    List<String> warnings = out.lines().filter(l -> l.contains("WARN")).toList();
    assertThat(warnings).as("log lines at WARN while compiling the request schemas").isEmpty();
  }

  @Test
  void theChildJvmReallyLogsWarnings() throws IOException, InterruptedException {
    // Guards the test above against a silent logger: the same set-up must print a WARN line.
    assertThat(runWithSlf4jSimple(WarnCanary.class, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"))
        .contains("WARN").contains("canary");
  }

  /** Runs {@code main} in a child JVM on this classpath with slf4j-simple; returns its output. */
  private static String runWithSlf4jSimple(Class<?> main, String property) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider", property, main.getName())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** Logs one warning through SLF4J. */
  public static final class WarnCanary {
    public static void main(String[] args) {
      org.slf4j.LoggerFactory.getLogger(WarnCanary.class).warn("canary");
    }
  }
}
