package io.github.zegoaiagent.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sign <Action> [json | @file | @-]}: prints a ready signed {@code curl} command; sends nothing. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print a signed curl command for one request (sends nothing).",
        "The signature covers AppId, SignatureNonce, ServerSecret and Timestamp, not the body, and the",
        "server accepts a Timestamp within 600 s of its clock: run the command within 10 minutes."},
    footer = {"", "Examples",
        "  sign ListAgents --endpoint http://127.0.0.1:8080/ --app-id 1234567890 --server-secret <secret>",
        "  sign QueryAgentInstanceStatus -F AgentInstanceId=1912345678901234567 | sh",
        "  sign ListAgents --url      (the URL only, for another HTTP tool)"})
final class SignCommand implements Callable<Integer> {
  private final Main.Context ctx;

  @Mixin
  RequestOptions request = new RequestOptions();

  @Option(names = "--url", description = "Print only the signed URL (POST the body to it with Content-Type: application/json)")
  boolean urlOnly;

  SignCommand(Main.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    SignedRequest r = request.sign(ctx);
    ctx.out().println(urlOnly ? r.url().toString() : curl(r));
    ctx.err().println("# signed at Timestamp " + r.signed().timestamp() + ": the server takes it until about "
        + Instant.ofEpochSecond(r.signed().timestamp() + 600) + " (600 s of its clock)");
    return Main.Exit.OK;
  }

  /**
   * @param r a signed request
   * @return one line a POSIX shell runs: curl with the URL, the JSON header and the body, single-quoted
   */
  static String curl(SignedRequest r) {
    return "curl -sS -X POST " + quote(r.url().toString()) + " -H 'Content-Type: application/json' --data-binary "
        + quote(new String(r.body(), StandardCharsets.UTF_8));
  }

  /** POSIX single quotes: nothing inside is special but the quote itself, written {@code '\''}. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
