package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.LogSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone jar's start-up banner: one {@code Base URL:} line (what scripts and the
 * conformance suite read), the ready-to-use credentials and settings, and last one line to paste
 * into a shell for a first signed call. The signature carries a Timestamp the mock checks (600 s),
 * so the line signs when it runs, never when the banner was printed: with the command-line tool
 * ({@code zego-aiagent-cli.jar}, when it is found next to this jar or in the build tree), else with
 * a POSIX shell, {@code od}, {@code openssl} and {@code curl}. With a fixed clock it signs on the
 * mock's clock ({@code GET /_mock/clock}).
 */
final class Banner {
  /** The command-line tool's standalone jar. */
  static final String CLI_JAR = "zego-aiagent-cli.jar";

  private Banner() {
  }

  /**
   * @param server the running mock
   * @param cliJar the command-line tool's jar as the user should type it, or null to sign with curl
   * @return the banner's lines
   */
  static List<String> lines(MockServer server, String cliJar) {
    MockServerConfig c = server.config();
    URI base = server.baseUrl();
    List<String> l = new ArrayList<>();
    l.add("zego-aiagent-mock-server (unofficial ZEGOCLOUD AI Agent API mock) is ready");
    l.add("Base URL: " + base);
    // The one place secrets are printed: the user asked for a ready-to-use pair.
    c.credentials().forEach((id, secret) -> {
      l.add("  AppId:          " + id);
      l.add("  ServerSecret:   " + secret);
    });
    l.add("  Control API:    " + base.resolve("_mock/health")
        + (c.http().controlApiRemoteAllowed() ? " (remote callers allowed)" : " (loopback only)"));
    l.add("  Journal:        " + base.resolve("_mock/journal") + " (latest requests, secrets masked)");
    if (c.http().controlApiEnabled()) {
      l.add("  Dashboard:      " + base.resolve("_mock/ui/") + " (open it in a browser: instances, timelines, journal, controls)");
    }
    if (c.callbacks().url() != null) {
      l.add("  Callback URL:   " + c.callbacks().url());
      l.add("  CallbackSecret: " + c.callbacks().secret());
    }
    l.add("  Strict nonces:  " + c.gateway().strict() + ", QPS limit per action: "
        + (c.gateway().qpsLimit() == 0 ? "off" : c.gateway().qpsLimit()));
    l.add("  Clock:          " + (server.clock().isRunning() ? "system"
        : "fixed at " + server.clock().instant() + " (POST /_mock/clock/advance moves it)"));
    l.add("  Request log:    " + (c.log().log() == LogSettings.Mode.REQUESTS
        ? "on (one line per request; --log none or --quiet turns it off)" : "off"));
    l.add("  LLM forwarding: " + (c.llmForward().enabled() ? "on, hosts " + c.llmForward().allowHosts()
        + ", " + c.llmForward().timeout().toMillis() + " ms per exchange" : "off (--llm-forward)"));
    l.add("First call (paste it into a shell):");
    l.add("  " + firstCall(server, cliJar));
    return l;
  }

  /**
   * @param server the running mock
   * @param cliJar the tool's jar as typed, or null
   * @return a one-line command that makes a signed ListAgents call when it runs
   */
  static String firstCall(MockServer server, String cliJar) {
    Map.Entry<Long, String> cred = server.config().credentials().entrySet().iterator().next();
    String base = server.baseUrl().toString();
    boolean fixed = !server.clock().isRunning();
    if (cliJar != null) {
      return "java -jar " + word(cliJar) + " call ListAgents --endpoint " + base + " --app-id " + cred.getKey()
          + " --server-secret " + word(cred.getValue()) + (fixed ? " --timestamp mock" : "");
    }
    String clock = !fixed ? "date +%s"
        : server.config().http().controlApiEnabled() ? "expr $(curl -s " + base + "_mock/clock | tr -dc 0-9) / 1000"
        : "echo " + server.clock().instant().getEpochSecond();
    return "t=$(" + clock + "); n=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \\n'); curl -sS -X POST \""
        + base + "?Action=ListAgents&AppId=" + cred.getKey() + "&SignatureNonce=$n&Timestamp=$t&SignatureVersion=2.0"
        + "&Signature=$(printf %s \"" + cred.getKey() + "${n}" + inDoubleQuotes(cred.getValue())
        + "${t}\" | openssl md5 | sed 's/.* //')\" -H 'Content-Type: application/json' -d '{}'";
  }

  /**
   * Where the command-line tool's jar is: next to this jar (both copied into one folder) or in the
   * build tree ({@code cli/target/} beside {@code mock-server/target/}).
   *
   * @param mockJar this jar, or null when not run from a jar
   * @param cwd the working directory, against which the path is written
   * @return the path to type, relative when it lies under {@code cwd}
   */
  static Optional<String> cliJar(Path mockJar, Path cwd) {
    if (mockJar == null || mockJar.getParent() == null) {
      return Optional.empty();
    }
    Path dir = mockJar.toAbsolutePath().normalize().getParent();
    List<Path> candidates = new ArrayList<>(List.of(dir.resolve(CLI_JAR)));
    if (dir.getParent() != null && dir.getParent().getParent() != null) {
      candidates.add(dir.getParent().getParent().resolve("cli").resolve("target").resolve(CLI_JAR));
    }
    Path here = cwd.toAbsolutePath().normalize();
    return candidates.stream().filter(Files::isRegularFile).findFirst()
        .map(p -> p.startsWith(here) ? here.relativize(p).toString() : p.toString());
  }

  /** @return this class's jar, or null when it runs from a folder of classes */
  static Path thisJar() {
    try {
      Path p = Path.of(Banner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** A shell word: as is when it is plain, else single-quoted. */
  private static String word(String s) {
    return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** Text inside POSIX double quotes: {@code \ " $ `} escaped. */
  private static String inDoubleQuotes(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
  }
}
