package io.github.zegoaiagent.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar zego-aiagent-cli.jar}: try the ZEGOCLOUD AI Agent server API by hand, against
 * the mock or the live service. {@code call} signs and sends one request and prints the answer,
 * {@code sign} prints a ready signed {@code curl} command, {@code token} issues a Token04.
 * Credentials come from flags or the {@code ZEGO_*} variables the client's
 * {@code ZegoAiAgentClient.fromEnv()} reads. See {@code --help}.
 */
public final class Main {
  /** How the README and the messages name the command. */
  static final String COMMAND = "java -jar zego-aiagent-cli.jar";

  private Main() {
  }

  /**
   * @param args see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  /**
   * Runs one command.
   *
   * @return the exit status: {@link Exit#OK}, {@link Exit#REFUSED}, {@link Exit#USAGE} or {@link Exit#NO_ANSWER}
   */
  static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    Context ctx = new Context(env, in, out, err);
    CommandLine cl = new CommandLine(new Top())
        .addSubcommand(new CallCommand(ctx))
        .addSubcommand(new SignCommand(ctx))
        .addSubcommand(new TokenCommand(ctx));
    CommandLine.Model.UsageMessageSpec callUsage = cl.getSubcommands().get("call").getCommandSpec().usageMessage();
    List<String> footer = new java.util.ArrayList<>(CallCommand.actionLines());
    footer.addAll(List.of(callUsage.footer()));
    callUsage.footer(footer.toArray(new String[0]));
    cl.setUsageHelpWidth(120);
    cl.setExpandAtFiles(false); // @file and @- are the body's, not picocli's argument files
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler((e, a) -> usageError(e, err));
    cl.setExecutionExceptionHandler((e, c, p) -> {
      if (e instanceof UsageException u) {
        err.println("error: " + u.getMessage());
        return Exit.USAGE;
      }
      throw e;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** A mistyped command line: what was wrong, a did-you-mean when there is one, and where to look. */
  private static int usageError(CommandLine.ParameterException e, PrintStream err) {
    err.println("error: " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String typed = u.getUnmatched().get(0).split("=", 2)[0];
      CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
      String like = null;
      if (typed.startsWith("-")) {
        List<String> flags = spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names()))
            .filter(n -> n.startsWith("--")).map(n -> n.substring(2)).toList();
        like = io.github.zegoaiagent.contract.DidYouMean.closest(typed.replaceFirst("^-+", ""), flags);
        like = like == null ? null : "--" + like;
      } else if (!spec.subcommands().isEmpty()) {
        like = io.github.zegoaiagent.contract.DidYouMean.closest(typed, spec.subcommands().keySet());
      }
      if (like != null) {
        err.println("Did you mean " + like + "?");
      }
    }
    String name = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println("See '" + name + " --help'.");
    return Exit.USAGE;
  }

  /** The exit statuses, listed in {@code --help}. */
  static final class Exit {
    /** The API answered Code 0 (or the command needed no answer). */
    static final int OK = 0;
    /** The API answered a Code other than 0. */
    static final int REFUSED = 1;
    /** A bad command line, input or credential; nothing was sent. */
    static final int USAGE = 2;
    /** No answer of the API: unreachable, too slow, or another server answered. */
    static final int NO_ANSWER = 3;

    private Exit() {
    }
  }

  /** What the commands read and write: injected, so tests run them in-process. */
  record Context(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
  }

  @Command(name = COMMAND, mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = {"Try the ZEGOCLOUD AI Agent server API by hand, against the mock or the live service (unofficial).", ""},
      synopsisSubcommandLabel = "(call | sign | token)",
      commandListHeading = "%nCommands:%n",
      footerHeading = "%nCredentials%n",
      footer = {
          "--app-id, --server-secret and --endpoint or --region, or the variables ZEGO_APP_ID,",
          "ZEGO_SERVER_SECRET, ZEGO_ENDPOINT, ZEGO_REGION (a flag wins over its variable). The mock's",
          "banner prints its AppId, ServerSecret and Base URL; for the live service take them from the",
          "ZEGOCLOUD console. Prefer the variables for a real ServerSecret: flags end up in your",
          "shell's history.",
          "",
          "Examples",
          "  " + COMMAND + " call ListAgents --endpoint http://127.0.0.1:8080/ --app-id 1234567890 --server-secret <secret>",
          "  " + COMMAND + " call QueryAgentInstanceStatus -F AgentInstanceId=1912345678901234567",
          "  " + COMMAND + " call RegisterAgent @agent.json --region SINGAPORE",
          "  " + COMMAND + " sign ListAgents      (prints a curl command valid for 10 minutes)",
          "  " + COMMAND + " token user_1 --validity 1h",
          "",
          "Exit status: 0 Code 0; 1 the API answered another Code; 2 a bad command line, input or",
          "credential (nothing sent); 3 no answer of the API (unreachable, too slow, another server)."})
  static final class Top implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: call, sign or token");
    }
  }

  /** {@code --version}: this tool's version, from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"zego-aiagent-cli " + version()};
    }
  }

  /** @return this tool's version ({@code cli.properties}, filled in by the build) */
  static String version() {
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = Main.class.getResourceAsStream("cli.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
