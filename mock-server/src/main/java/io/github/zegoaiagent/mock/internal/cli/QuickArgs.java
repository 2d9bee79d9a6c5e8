package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.mock.config.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of an ordinary start, read without picocli: only {@code --flag value},
 * {@code --flag=value} and bare switches of known settings, each non-repeatable flag once. Anything
 * else (help, an unknown flag, a value that starts with {@code -} or {@code @}, a switch followed
 * by a word, a missing or empty value, a repeated flag, {@code --}) answers null, and picocli
 * parses the command line and explains what is wrong ({@link CliOptions#parse}).
 *
 * <p>Why: picocli's 150 classes are Java 5 class files, verified by the slow old verifier and
 * refused by class-data sharing; building its model and parser was about a third of the standalone
 * jar's start-up CPU before its first answer once the rest came from the CDS archive (BENCHMARKS.md,
 * "Start-up", ADR 0018). What is read here equals what picocli reads (same flag, same raw text):
 * {@code QuickArgsTest} compares both on every flag in every form.
 */
final class QuickArgs {
  private QuickArgs() {
  }

  /**
   * @param args the command line
   * @param settings the settings (those with a text form are flags)
   * @param switches further switches that are no setting ({@code --quiet})
   * @return raw values by flag as picocli gives them (a {@code List<String>} for a repeatable
   *     flag, else the text; {@code "true"} for a bare switch), or null when picocli must read
   *     this command line
   */
  static Map<String, Object> read(String[] args, List<Setting<?>> settings, List<String> switches) {
    Map<String, Setting<?>> byFlag = new HashMap<>();
    for (Setting<?> s : settings) {
      if (s.hasText()) {
        byFlag.put(s.flag(), s);
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        return null; // a positional word, "-h", "@file" or "--"
      }
      int eq = a.indexOf('=');
      String flag = eq < 0 ? a : a.substring(0, eq);
      Setting<?> s = byFlag.get(flag);
      boolean isSwitch = s == null ? switches.contains(flag) : s.isSwitch();
      if (s == null && !isSwitch) {
        return null; // unknown (or --help): picocli names it
      }
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (isSwitch) {
        if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
          return null; // picocli would take the next word as the switch's value
        }
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null; // missing value
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return null; // left to picocli's rules (options as values, @files)
      }
      if (s != null && s.repeatable()) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) values.computeIfAbsent(flag, k -> new ArrayList<String>());
        list.add(value);
      } else if (values.putIfAbsent(flag, value) != null) {
        return null; // given twice: picocli refuses it
      }
    }
    return values;
  }
}
