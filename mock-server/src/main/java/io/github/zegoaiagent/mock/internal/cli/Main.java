package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar zego-aiagent-mock-server.jar}: starts the mock, prints a ready-to-use AppId,
 * ServerSecret, base URL and a first call to paste ({@link Banner}), and stops gracefully on
 * SIGTERM or Ctrl-C.
 */
public final class Main {
  private Main() {
  }

  /**
   * @param args see {@code --help}
   */
  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Starts the server and blocks until the JVM shuts down.
   *
   * @return the exit code when it did not start (0 after --help)
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CliOptions o;
    try {
      o = CliOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("Usage: " + CliOptions.COMMAND + " [options]; see --help");
      return 2;
    }
    if (o.help) {
      out.print(CliOptions.usage());
      out.flush();
      return 0;
    }
    o.warnings.forEach(err::println);
    MockServerConfig config;
    try {
      config = o.toConfig().logTo(out).build();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    MockServer server;
    try {
      server = MockServer.start(config);
    } catch (RuntimeException e) {
      err.println(startFailure(e, config));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("zego-aiagent-mock-server: stopping");
      server.close();
      ProxyBanner.stopped(out, server);
      out.println("zego-aiagent-mock-server: stopped");
      out.flush();
      stopped.countDown();
    }, "zego-mock-shutdown"));
    if (o.quiet) {
      out.println("Base URL: " + server.baseUrl());
      out.flush();
    } else if (server.config().proxy().enabled()) {
      ProxyBanner.print(out, server);
    } else {
      printBanner(out, server);
    }
    try {
      stopped.await(); // until SIGTERM / Ctrl-C runs the hook
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static void printBanner(PrintStream out, MockServer server) {
    String cli = Banner.cliJar(Banner.thisJar(), java.nio.file.Path.of("")).orElse(null);
    printAtOnce(out, Banner.lines(server, cli));
  }

  /**
   * Prints lines in one write: a script that reads the {@code Base URL:} line (the second) and
   * then looks for the AppId or the secret finds them already there, instead of racing the rest of
   * the banner.
   */
  static void printAtOnce(PrintStream out, java.util.List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append(System.lineSeparator()));
    out.print(text);
    out.flush();
  }

  /** The message for a server that did not start: a port in use says what to do about it. */
  static String startFailure(RuntimeException e, MockServerConfig config) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.net.BindException) {
        return "error: cannot listen on " + config.http().bindAddress() + ":" + config.http().port()
            + " (" + c.getMessage() + "): another program (an earlier mock?) has the port. Stop it, or start"
            + " with --port 0 (any free port; the banner prints it) or --port N (ZEGO_MOCK_PORT)";
      }
    }
    return "error: " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : "");
  }
}
