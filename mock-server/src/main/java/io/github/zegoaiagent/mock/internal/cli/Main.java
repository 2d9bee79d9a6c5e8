package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.LogSettings;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar zego-aiagent-mock-server.jar}: starts the mock, prints a ready-to-use AppId,
 * ServerSecret and base URL, and stops gracefully on SIGTERM or Ctrl-C.
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
      err.println("error: " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
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
    MockServerConfig c = server.config();
    out.println("zego-aiagent-mock-server (unofficial ZEGOCLOUD AI Agent API mock) is ready");
    // The one place secrets are printed: the user asked for a ready-to-use pair.
    c.credentials().forEach((id, secret) ->
        out.println("  AppId:          " + id + "\n  ServerSecret:   " + secret));
    out.println("  Base URL:       " + server.baseUrl());
    out.println("  Control API:    " + server.baseUrl().resolve("_mock/health")
        + (c.http().controlApiRemoteAllowed() ? " (remote callers allowed)" : " (loopback only)"));
    out.println("  Journal:        " + server.baseUrl().resolve("_mock/journal") + " (latest requests, secrets masked)");
    if (c.http().controlApiEnabled()) {
      out.println("  Dashboard:      " + server.baseUrl().resolve("_mock/ui/") + " (open it in a browser: instances, timelines, journal, controls)");
    }
    if (c.callbacks().url() != null) {
      out.println("  Callback URL:   " + c.callbacks().url());
      out.println("  CallbackSecret: " + c.callbacks().secret());
    }
    out.println("  Strict nonces:  " + c.gateway().strict() + ", QPS limit per action: "
        + (c.gateway().qpsLimit() == 0 ? "off" : c.gateway().qpsLimit()));
    out.println("  Request log:    " + (c.log().log() == LogSettings.Mode.REQUESTS
        ? "on (one line per request; --log none or --quiet turns it off)" : "off"));
    out.println("  LLM forwarding: " + (c.llmForward().enabled() ? "on, hosts " + c.llmForward().allowHosts()
        + ", " + c.llmForward().timeout().toMillis() + " ms per exchange" : "off (--llm-forward)"));
    out.println("Base URL: " + server.baseUrl());
    out.flush();
  }
}
