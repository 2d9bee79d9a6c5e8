package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar's class-data sharing archive, as the build writes it (execution
 * {@code cds-archive}, ADR 0018): a JVM started with it maps the application's classes from it
 * and answers; a JVM that cannot use it (another jar, another JDK) says so and still answers.
 */
class CdsArchiveIT {
  private static final String JAR = System.getProperty("mock.standalone.jar", "target/zego-aiagent-mock-server.jar");
  private static final Path ARCHIVE = Path.of(JAR.replaceFirst("\\.jar$", ".jsa"));
  private static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  /** A started jar: its output lines, and its base URL once printed. */
  private record Started(Process process, List<String> lines, URI base) { }

  private static Started start(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          lines.add(l);
        }
      } catch (Exception ignored) {
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      synchronized (lines) {
        for (String l : lines) {
          if (l.startsWith("Base URL: ")) {
            return new Started(p, lines, URI.create(l.substring("Base URL: ".length()).trim()));
          }
        }
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new AssertionError("no Base URL from " + command + ": " + lines);
  }

  private static List<String> command(String java, String archive, String jar, String... jvm) {
    List<String> c = new ArrayList<>(List.of(java));
    c.addAll(List.of(jvm));
    c.add("-XX:SharedArchiveFile=" + archive);
    c.addAll(List.of("-jar", jar, "--port", "0", "--app-id", "1234567890", "--server-secret", SECRET, "--quiet"));
    return c;
  }

  private static int listAgentsCode(URI base) throws Exception {
    RawApi api = new RawApi(base, 1234567890L, SECRET, System::currentTimeMillis);
    JsonNode answer = api.call("ListAgents", "{}");
    return answer.path("Code").asInt(-1);
  }

  @Test
  void theJarStartedWithItsArchiveMapsTheApplicationClassesAndAnswers() throws Exception {
    assertThat(ARCHIVE).as("the build's archive (execution cds-archive)").isRegularFile();
    Started s = start(command(JAVA, ARCHIVE.toString(), JAR, "-Xshare:on", "-Xlog:class+load=info"));
    try {
      assertThat(listAgentsCode(s.base())).isZero();
      List<String> ours;
      synchronized (s.lines()) {
        ours = s.lines().stream().filter(l -> l.contains("[class,load] io.github.zegoaiagent.")).toList();
      }
      long fromArchive = ours.stream().filter(l -> l.contains("shared objects file (top)")).count();
      // -Xshare:on would have refused to start without the archive; most of the mock's own classes
      // (and the shaded libraries') then come from it rather than from the jar.
      assertThat(ours).isNotEmpty();
      assertThat(fromArchive).as("classes of the mock and its shaded libraries mapped from the archive")
          .isGreaterThan(ours.size() * 8 / 10);
    } finally {
      s.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aJarTheArchiveWasNotMadeFromStartsWithoutItAndSaysSo(@TempDir Path dir) throws Exception {
    Path other = dir.resolve("zego-aiagent-mock-server.jar");
    Files.copy(Path.of(JAR), other, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Started s = start(command(JAVA, ARCHIVE.toString(), other.toString()));
    try {
      assertThat(listAgentsCode(s.base())).isZero();
      synchronized (s.lines()) {
        assertThat(s.lines()).anyMatch(l -> l.contains("shared archive"));
      }
    } finally {
      s.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anotherJdkStartsWithoutItAndSaysSo() throws Exception {
    // JDK 25 next to the build's JDK on the project's machines (README); skipped where absent.
    String java25 = System.getProperty("mock.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    org.junit.jupiter.api.Assumptions.assumeTrue(new File(java25).canExecute(), "no JDK 25 at " + java25);
    org.junit.jupiter.api.Assumptions.assumeFalse(Runtime.version().feature() == 25, "the build runs on JDK 25");
    Started s = start(command(java25, ARCHIVE.toString(), JAR));
    try {
      assertThat(listAgentsCode(s.base())).isZero();
      synchronized (s.lines()) {
        assertThat(s.lines()).anyMatch(l -> l.contains("shared archive"));
      }
    } finally {
      s.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
