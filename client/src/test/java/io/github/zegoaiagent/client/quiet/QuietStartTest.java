package io.github.zegoaiagent.client.quiet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starting a client prints nothing: Hibernate Validator announces its version ({@code HV000001})
 * at INFO on its first bootstrap in a JVM, which an application without a logging framework sees
 * on stderr at every start. A fresh JVM (the announcement happens once per JVM), with the JDK's
 * logging as the backend, as in a plain Java application.
 */
class QuietStartTest {

  @Test
  void buildingAndUsingAClientLogsNothing() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java,
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.jboss.logging.provider=jdk",
        ClientStartProbe.class.getName())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as("the probe ran and its JDK logging is visible")
        .contains("probe: refused locally").contains("canary");
    assertThat(out).doesNotContain("HV000001").doesNotContain("Hibernate Validator");
  }
}
