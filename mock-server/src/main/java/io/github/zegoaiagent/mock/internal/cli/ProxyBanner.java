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
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add("zego-aiagent-mock-server (unofficial ZEGOCLOUD AI Agent API mock) is ready as a validating proxy:"
        + " point your backend at the Base URL");
    lines.add("Base URL: " + base); // one Base URL line, as in the mock's banner (scripts read it)
    lines.add("  Upstream:       " + shown(p) + " (every API request is forwarded unchanged: sign with your own "
        + "AppId and ServerSecret)");
    lines.add("  Drift:          " + server.baseUrl().resolve("_mock/drift") + " (JSON)"
        + (p.driftReport() == null ? "" : "; Markdown report at exit: " + p.driftReport().toAbsolutePath()));
    lines.add("  Recording:      " + (p.record() == null ? "off (--record FILE)"
        : p.record().toAbsolutePath() + " (one JSON document per line, secrets masked)"));
    lines.add("  Callbacks:      " + base.replaceAll("/$", "") + p.callbackPath() + " (checked with --callback-secret; "
        + (c.callbacks().url() == null ? "not forwarded: --callback-url)" : "forwarded to " + c.callbacks().url() + ")"));
    lines.add("  Deadline:       " + p.timeout().toMillis() + " ms per exchange, answers up to "
        + p.maxAnswerBytes() + " bytes, " + p.maxInFlight() + " exchanges at once");
    lines.add("  Request log:    " + (c.log().log() == LogSettings.Mode.REQUESTS
        ? "on (one line per exchange; --log none or --quiet turns it off)" : "off"));
    Main.printAtOnce(out, lines); // one write: see Main.printAtOnce
  }

  /** After the proxy stopped: where the report went. */
  static void stopped(PrintStream out, MockServer server) {
    ProxySettings p = server.config().proxy();
    if (p.enabled() && p.driftReport() != null) {
      var drift = server.drift();
      out.println("zego-aiagent-mock-server: drift report written to " + p.driftReport().toAbsolutePath()
          + " (" + drift.getExchanges() + " exchanges, " + drift.getDrifted() + " with drift)");
    }
  }

  private static String shown(ProxySettings p) {
    var u = p.upstream();
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
