package io.github.zegoaiagent.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli-free reading of an ordinary command line ({@link QuickArgs}) reads exactly what
 * picocli reads, and leaves every other command line to picocli.
 */
class QuickArgsTest {
  private static final List<String> SWITCHES = List.of("--quiet");

  private static Map<String, Object> quick(String... args) {
    return QuickArgs.read(args, MockServerConfig.settings(), SWITCHES);
  }

  private static Map<String, Object> picocli(String... args) {
    CommandSpec spec = CliOptions.spec();
    new CommandLine(spec).parseArgs(args);
    return CliOptions.values(spec);
  }

  /** Every flag in every form it may take on an ordinary command line. */
  private static List<String[]> forms() {
    List<String[]> forms = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (Setting<?> s : MockServerConfig.settings()) {
      if (!s.hasText()) {
        continue;
      }
      String f = s.flag();
      if (s.isSwitch()) {
        forms.add(new String[] {f});
        forms.add(new String[] {f + "=false"});
        forms.add(new String[] {f, "--quiet"});
        all.add(f);
      } else if (s.repeatable()) {
        forms.add(new String[] {f, "a b", f + "=c,d", f, "e=f"});
        all.addAll(List.of(f, "x", f + "=y"));
      } else {
        forms.add(new String[] {f, "some text"});
        forms.add(new String[] {f + "=v=w"});
        forms.add(new String[] {f, "=v"});
        all.add(f + "=" + s.key());
      }
    }
    all.add("--quiet");
    forms.add(all.toArray(String[]::new));
    forms.add(new String[0]);
    return forms;
  }

  @Test
  void readsWhatPicocliReadsForEveryFlagInEveryForm() {
    for (String[] args : forms()) {
      Map<String, Object> quick = quick(args);
      assertThat(quick).as("read without picocli: %s", List.of(args)).isNotNull();
      assertThat(quick).as("same values as picocli: %s", List.of(args)).isEqualTo(picocli(args));
    }
  }

  @Test
  void leavesEveryOtherCommandLineToPicocli() {
    List<String[]> others = List.of(
        new String[] {"--help"}, new String[] {"-h"}, new String[] {"--port"}, new String[] {"--port="},
        new String[] {"--prot", "8080"}, new String[] {"8080"}, new String[] {"--"}, new String[] {"@args.txt"},
        new String[] {"--port", "1", "--port", "2"}, new String[] {"--strict", "true"},
        new String[] {"--qps-limit", "-1"}, new String[] {"--llm-reply=@file"}, new String[] {"--quiet", "yes"});
    for (String[] args : others) {
      assertThat(quick(args)).as("left to picocli: %s", List.of(args)).isNull();
    }
  }

  @Test
  void aCommandLineLeftToPicocliMeansTheSame() {
    CliOptions o = CliOptions.parse(new String[] {"--strict", "true", "--qps-limit", "-0"}, Map.of());
    assertThat(o.toConfig().build().gateway().strict()).isTrue();
    assertThat(o.toConfig().build().gateway().qpsLimit()).isZero();
    assertThat(CliOptions.parse(new String[] {"--help"}, Map.of()).help).isTrue();
  }

  @Test
  void theCommandLinesOfTheReadmeAndTheBenchmarksAreReadWithoutPicocli() {
    assertThat(quick("--port", "0", "--qps-limit", "0", "--log", "requests")).isNotNull();
    assertThat(quick("--port", "18080", "--app-id", "1234567890", "--server-secret",
        "0123456789abcdef0123456789abcdef", "--qps-limit", "0", "--header-timeout", "15", "--body-timeout", "15",
        "--idle-timeout", "15")).isNotNull();
    assertThat(quick("--quiet", "--strict", "--bind=0.0.0.0")).isNotNull();
  }
}
