package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone jar run as a process, its output collected line by line. */
final class JarProcess implements AutoCloseable {
  static final String JAR = System.getProperty("mock.standalone.jar", "target/zego-aiagent-mock-server.jar");

  private final Process process;
  private final Thread reader;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private JarProcess(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
  }

  /** @param env extra environment @param args the jar's arguments @return the running process */
  static JarProcess start(Map<String, String> env, String... args) throws IOException {
    assertThat(new File(JAR)).exists();
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java", "-jar", JAR));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new JarProcess(pb.start());
  }

  /** @return the printed {@code Base URL:}, waiting up to a minute */
  URI baseUrl() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      for (String l : lines()) {
        if (l.startsWith("Base URL: ")) {
          return URI.create(l.substring("Base URL: ".length()).trim());
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no Base URL printed; output: " + lines());
  }

  /**
   * @param regex with one group
   * @return the group's first match in the output, waiting up to 10 s for it (lines after the
   *     {@code Base URL:} one may still be on their way)
   */
  String find(String regex) throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Matcher m = p.matcher(String.join("\n", lines()));
      if (m.find()) {
        return m.group(1);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(regex + " not printed within 10 s; output: " + lines());
      }
      Thread.sleep(20);
    }
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** SIGTERM, then waits for the exit and the last line. @return the exit status */
  int stop() throws InterruptedException {
    process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of stdout)
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
    reader.join(5000);
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
