package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.contract.DidYouMean;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.config.Setting;
import io.github.zegoaiagent.mock.config.SettingGroup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The standalone server's command line, parsed by picocli from the settings' own declarations
 * ({@link MockServerConfig#settings()}): every setting that has a text form is a flag
 * {@code --key} with the environment twin {@code ZEGO_MOCK_KEY}. A flag wins over its variable;
 * an empty variable counts as unset. Values are read strictly by the setting itself
 * ({@link Setting#parse}), so {@code ZEGO_MOCK_STRICT=yes} is refused, not read as false.
 * Repeatable flags ({@code --app-id}) take a comma-separated list in their variable.
 */
final class CliOptions {
  static final String COMMAND = "java -jar zego-aiagent-mock-server.jar";
  static final String QUIET_ENV = "ZEGO_MOCK_QUIET";
  /** Variables of this prefix the build scripts use themselves; not settings, not warned about. */
  private static final Set<String> NOT_SETTINGS = Set.of("ZEGO_MOCK_IMAGE");

  boolean help;
  boolean quiet;
  final List<String> warnings = new ArrayList<>();
  private final MockServerConfig.Builder builder = MockServerConfig.builder();

  /** @return the command model: one option per setting with a text form, by group */
  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name(COMMAND);
    spec.usageMessage()
        .description("Stateful mock of the ZEGOCLOUD AI Agent server API (unofficial).",
            "Every option has an environment variable twin (in brackets); a flag wins over its variable.")
        .footer("%nDurations: 500ms, 5s, 2m, 1h (a plain number is seconds). Booleans: true or false."
            + "%nStop with Ctrl-C or SIGTERM (graceful)."
            + "%nThe banner ends with a first signed call to paste into a shell: the command-line tool"
            + " (java -jar zego-aiagent-cli.jar call ListAgents ...) when it is next to this jar or in the"
            + " build tree, else a curl line that signs when it runs.")
        .width(110)
        .abbreviateSynopsis(true)
        .sortOptions(false);
    for (SettingGroup<?> g : MockServerConfig.GROUPS) {
      ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1").validate(false)
          .heading("%n" + Character.toUpperCase(g.name().charAt(0)) + g.name().substring(1) + ":%n");
      int n = 0;
      for (Setting<?> s : g.settings()) {
        if (!s.hasText()) {
          continue;
        }
        OptionSpec.Builder o = OptionSpec.builder(s.flag()).description(describe(s).replace("%", "%%"));
        if (s.isSwitch()) {
          o.type(String.class).arity("0..1").fallbackValue("true").paramLabel("true|false");
        } else if (s.repeatable()) {
          o.type(List.class).auxiliaryTypes(String.class).arity("1").paramLabel(s.label());
        } else {
          o.type(String.class).arity("1").paramLabel(s.label());
        }
        group.addArg(o.build());
        n++;
      }
      if (n > 0) {
        spec.addArgGroup(group.build());
      }
    }
    ArgGroupSpec.Builder console = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1").validate(false)
        .heading("%nConsole:%n");
    console.addArg(OptionSpec.builder("--quiet").type(String.class).arity("0..1").fallbackValue("true")
        .paramLabel("true|false")
        .description("Print only the `Base URL:` line and errors; no banner, no request log [" + QUIET_ENV + "]")
        .build());
    console.addArg(OptionSpec.builder("-h", "--help").usageHelp(true).description("Print this help").build());
    spec.addArgGroup(console.build());
    return spec;
  }

  private static String describe(Setting<?> s) {
    String d = s.standaloneDefault() != null ? s.standaloneDefault() + " (embedded: " + s.defaultText() + ")"
        : s.defaultText();
    if (s.defaultText().startsWith("x-zego-limits.")) {
      d += " = " + show(s.defaultValue()); // the contract's value, read from the packaged contract
    }
    return s.description() + (s.repeatable() ? " (repeatable; variable comma-separated)" : "")
        + " [" + s.env() + "; default " + d + "]";
  }

  private static String show(Object v) {
    if (v instanceof java.time.Duration t) {
      return t.toMillis() % 1000 == 0 ? t.toSeconds() + "s" : t.toMillis() + "ms";
    }
    if (v instanceof List<?> l) {
      return String.join(",", l.stream().map(CliOptions::show).toList());
    }
    return String.valueOf(v);
  }

  /** @return the help text */
  static String usage() {
    StringWriter w = new StringWriter();
    new CommandLine(spec()).usage(new PrintWriter(w, true));
    return w.toString();
  }

  /**
   * @param args command line
   * @param env environment
   * @return parsed options
   * @throws IllegalArgumentException with a message for the user
   */
  static CliOptions parse(String[] args, Map<String, String> env) {
    CliOptions o = new CliOptions();
    // An ordinary command line is read without picocli (QuickArgs: start-up time); picocli reads
    // every other one, and is what explains a wrong one.
    Map<String, Object> flags = QuickArgs.read(args, MockServerConfig.settings(), List.of("--quiet"));
    if (flags == null) {
      CommandSpec spec = spec();
      CommandLine.ParseResult parsed;
      try {
        parsed = new CommandLine(spec).parseArgs(args);
      } catch (CommandLine.UnmatchedArgumentException e) {
        String typed = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0).split("=", 2)[0];
        List<String> names = spec.options().stream().flatMap(opt -> java.util.Arrays.stream(opt.names()))
            .filter(n -> n.startsWith("--")).map(n -> n.substring(2)).toList();
        String like = typed.startsWith("-") ? DidYouMean.closest(typed.replaceFirst("^-+", ""), names) : null;
        like = like == null ? null : "--" + like;
        throw new IllegalArgumentException(e.getMessage() + (like == null ? "" : "; did you mean " + like + "?"), e);
      } catch (CommandLine.ParameterException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      o.help = parsed.isUsageHelpRequested();
      flags = values(spec);
    }
    Set<String> known = new TreeSet<>(NOT_SETTINGS);
    known.add(QUIET_ENV);
    for (Setting<?> s : MockServerConfig.settings()) {
      if (!s.hasText()) {
        continue;
      }
      known.add(s.env());
      Object flag = flags.get(s.flag());
      String fromEnv = env.get(s.env());
      if (flag != null) {
        String text = flag instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
            : flag.toString();
        o.builder.parse(s, text, s.flag());
      } else if (fromEnv != null && !fromEnv.isBlank()) {
        o.builder.parse(s, fromEnv, s.env());
      } else if (s.standaloneDefault() != null) {
        o.builder.parse(s, s.standaloneDefault(), s.flag() + " (standalone default)");
      }
    }
    Object quiet = flags.get("--quiet");
    if (quiet != null) {
      o.quiet = bool(quiet.toString(), "--quiet");
    } else if (env.get(QUIET_ENV) != null && !env.get(QUIET_ENV).isBlank()) {
      o.quiet = bool(env.get(QUIET_ENV), QUIET_ENV);
    }
    if (o.quiet) {
      boolean askedForLog = flags.get(LogSettings.LOG.flag()) != null
          || (env.get(LogSettings.LOG.env()) != null && !env.get(LogSettings.LOG.env()).isBlank());
      if (askedForLog && o.builder.build().log().log() != LogSettings.Mode.NONE) {
        throw new IllegalArgumentException("--quiet and --log requests contradict each other: give one");
      }
      o.builder.log(LogSettings.Mode.NONE);
    }
    env.keySet().stream().filter(k -> k.startsWith("ZEGO_MOCK_") && !known.contains(k)).sorted()
        .forEach(k -> o.warnings.add("warning: " + k + " is not a setting of the mock; ignored"
            + likeVariable(k, known).map(v -> " (did you mean " + v + "?)").orElse(" (see --help)")));
    o.builder.build(); // cross-setting checks (AppId/ServerSecret pairs) before anything starts
    return o;
  }

  /** The setting variable closest to a mistyped one, compared without the common prefix. */
  private static java.util.Optional<String> likeVariable(String typed, Set<String> known) {
    String prefix = "ZEGO_MOCK_";
    List<String> names = known.stream().filter(k -> !NOT_SETTINGS.contains(k)).map(k -> k.substring(prefix.length())).toList();
    return java.util.Optional.ofNullable(DidYouMean.closest(typed.substring(prefix.length()), names)).map(n -> prefix + n);
  }

  /** @return the value picocli read for each option given, by its long name */
  static Map<String, Object> values(CommandSpec spec) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.getValue() != null && !o.usageHelp()) {
        values.put(o.longestName(), o.getValue());
      }
    }
    return values;
  }

  private static boolean bool(String text, String source) {
    return io.github.zegoaiagent.mock.config.GatewaySettings.STRICT.parse(text, source);
  }

  /** @return the server configuration these options describe */
  MockServerConfig.Builder toConfig() {
    return builder;
  }
}
