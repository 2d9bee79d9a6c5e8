package io.github.zegoaiagent.conformance.sut;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The standalone mock jar of this build, started as a separate process on a free port. */
public final class StandaloneMock implements AutoCloseable {

  /** Where the mock-server module builds its standalone jar. */
  public static final Path JAR = Path.of("..", "mock-server", "target", "zego-aiagent-mock-server.jar");

  private final Process process;
  private final URI baseUrl;

  private StandaloneMock(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** @return true when the jar has been built */
  public static boolean available() {
    return Files.isRegularFile(JAR);
  }

  /**
   * Starts the jar and waits for its "Base URL:" line.
   *
   * @param appId the AppId to serve
   * @param serverSecret its ServerSecret
   * @return the running mock
   * @throws IOException when it cannot start
   */
  public static StandaloneMock start(long appId, String serverSecret) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--port", "0", "--qps-limit", "0",
        "--app-id", Long.toString(appId), "--server-secret", serverSecret)
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("Base URL:")) {
        URI base = URI.create(line.substring("Base URL:".length()).trim().replaceAll("/+$", ""));
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "standalone-mock-output");
        drain.setDaemon(true);
        drain.start();
        return new StandaloneMock(p, base);
      }
    }
    p.destroyForcibly();
    throw new IOException("the standalone mock exited before printing its base URL (exit " + p.exitValue() + ")");
  }

  /** @return e.g. http://127.0.0.1:40123 */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Stops the process (SIGTERM, then forcibly after 10 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
