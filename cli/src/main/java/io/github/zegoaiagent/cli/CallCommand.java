package io.github.zegoaiagent.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code call <Action> [json | @file | @-]}: signs and sends one request, prints the answer. */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Sign and send one request (POST /?Action=ACTION), print the answer.",
        "Exit status 0 on Code 0, 1 on another Code (named on standard error with what to check),",
        "2 when nothing was sent (a bad command line, body or credential), 3 when the API did not answer."},
    footer = {"", "Examples",
        "  call ListAgents --endpoint http://127.0.0.1:8080/ --app-id 1234567890 --server-secret <secret>",
        "  call SendAgentInstanceTTS -F AgentInstanceId=1912345678901234567 -F Text='Hello!'",
        "  call CreateAgentInstance @instance.json --region SINGAPORE",
        "  echo '{\"Limit\":2}' | call ListAgents @-"})
final class CallCommand implements Callable<Integer> {
  private final Main.Context ctx;

  @Mixin
  RequestOptions request = new RequestOptions();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "Deadline of the whole exchange (default ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--raw", description = "Print the answer as received, not indented")
  boolean raw;

  @Option(names = {"-v", "--verbose"}, description = "Print the request line (Signature masked) and the HTTP status on standard error")
  boolean verbose;

  CallCommand(Main.Context ctx) {
    this.ctx = ctx;
  }

  /** @return the footer lines naming every action, wrapped */
  static List<String> actionLines() {
    List<String> lines = new ArrayList<>(List.of("", "Actions (case matters):"));
    StringBuilder line = new StringBuilder(" ");
    for (String a : SignedRequest.actions()) {
      if (line.length() + a.length() + 1 > 100) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(' ');
      }
      line.append(' ').append(a);
    }
    lines.add(line.toString());
    return lines;
  }

  @Override
  public Integer call() {
    Duration deadline = Durations.parse(timeout, "--timeout");
    SignedRequest r = request.sign(ctx);
    byte[] bytes = r.body();
    if (verbose) {
      ctx.err().println("> POST " + r.maskedUrl() + " (" + bytes.length + " bytes of JSON)");
    }
    Wire.Answer a;
    try {
      a = Wire.exchange("POST", r.url(), bytes, deadline);
    } catch (Wire.NoAnswer e) {
      ctx.err().println("error: " + e.getMessage());
      return Main.Exit.NO_ANSWER;
    }
    if (verbose) {
      ctx.err().println("< HTTP " + a.status() + " " + Text.clip(a.contentType(), 60) + ", " + a.body().length
          + " bytes in " + a.millis() + " ms");
    }
    return Answers.report(a, r, raw, ctx.out(), ctx.err());
  }
}
