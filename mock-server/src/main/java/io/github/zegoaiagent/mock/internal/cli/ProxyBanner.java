package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.config.ProxySettings;
import java.io.PrintStream;

/**
 * What the standalone jar prints when it runs as a validating proxy ({@code --proxy}): where
 * requests go, what is checked and kept, and where the report lands. No secret is printed: the
 * proxy has none of its own (requests keep the caller's signature).
 */
final class ProxyBanner {
  private ProxyBanner() {
  }

  static void print(PrintStream out, MockServer server) {
    MockServerConfig c = server.config();
    ProxySettings p = c.proxy();
    String base = server.baseUrl().toString();
    out.println("zego-aiagent-mock-server (unofficial ZEGOCLOUD AI Agent API mock) is ready as a validating proxy");
    out.println("  Upstream:       " + shown(p) + " (every API request is forwarded unchanged: sign with your own "
        + "AppId and ServerSecret)");
    out.println("  Base URL:       " + base + " (point your backend here)");
    out.println("  Drift:          " + server.baseUrl().resolve("_mock/drift") + " (JSON)"
        + (p.driftReport() == null ? "" : "; Markdown report at exit: " + p.driftReport().toAbsolutePath()));
    out.println("  Recording:      " + (p.record() == null ? "off (--record FILE)"
        : p.record().toAbsolutePath() + " (one JSON document per line, secrets masked)"));
    out.println("  Callbacks:      " + base.replaceAll("/$", "") + p.callbackPath() + " (checked with --callback-secret; "
        + (c.callbacks().url() == null ? "not forwarded: --callback-url)" : "forwarded to " + c.callbacks().url() + ")"));
    out.println("  Deadline:       " + p.timeout().toMillis() + " ms per exchange, answers up to "
        + p.maxAnswerBytes() + " bytes, " + p.maxInFlight() + " exchanges at once");
    out.println("  Request log:    " + (c.log().log() == LogSettings.Mode.REQUESTS
        ? "on (one line per exchange; --log none or --quiet turns it off)" : "off"));
    out.println("Base URL: " + base);
    out.flush();
  }

  /** After the proxy stopped: where the report went. */
  static void stopped(PrintStream out, MockServer server) {
    ProxySettings p = server.config().proxy();
    if (p.enabled() && p.driftReport() != null) {
      out.println("zego-aiagent-mock-server: drift report written to " + p.driftReport().toAbsolutePath()
          + " (" + server.driftReport().exchanges() + " exchanges, " + server.driftReport().drifted() + " with drift)");
    }
  }

  private static String shown(ProxySettings p) {
    var u = p.upstream();
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
