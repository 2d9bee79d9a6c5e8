package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
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

/**
 * The shaded jar as users run it ({@code java -jar target/zego-aiagent-mock-server.jar}), for
 * the failsafe tests: started with the given arguments and variables, its output collected, the
 * base URL, AppId and ServerSecret read from the banner.
 */
final class StandaloneJar implements AutoCloseable {
  final Process process;
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;
  final URI base;
  final long appId;
  final String secret;

  StandaloneJar(List<String> args, Map<String, String> env) throws Exception {
    String jar = System.getProperty("mock.standalone.jar", "target/zego-aiagent-mock-server.jar");
    assertThat(new File(jar)).exists();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    process = pb.start();
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      } catch (Exception ignored) {
        // process ended
      }
    });
    reader.start();
    URI found = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (found == null && System.nanoTime() < deadline && process.isAlive()) {
      synchronized (lines) {
        for (String l : lines) {
          if (l.startsWith("Base URL: ")) {
            found = URI.create(l.substring("Base URL: ".length()).trim());
          }
        }
      }
      Thread.sleep(50);
    }
    assertThat(found).as("printed base URL; output: %s", lines).isNotNull();
    base = found;
    // The AppId and ServerSecret lines follow the Base URL line: wait for them too.
    String out = output();
    Matcher app = Pattern.compile("AppId:\\s+(\\d+)").matcher(out);
    Matcher key = Pattern.compile("ServerSecret:\\s+([0-9a-f]{32})").matcher(out);
    long more = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(app.find() && key.find()) && System.nanoTime() < more) {
      Thread.sleep(20);
      out = output();
      app = Pattern.compile("AppId:\\s+(\\d+)").matcher(out);
      key = Pattern.compile("ServerSecret:\\s+([0-9a-f]{32})").matcher(out);
    }
    app.reset();
    key.reset();
    assertThat(app.find() && key.find()).as(out).isTrue();
    appId = Long.parseLong(app.group(1));
    secret = key.group(1);
  }

  /** @return everything printed so far */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** SIGTERM (Process.destroy() would also close our end of stdout), then waits for the exit. */
  boolean stop() throws InterruptedException {
    process.toHandle().destroy();
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    reader.join(5000);
    return exited;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
