package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.config.Setting;
import io.github.zegoaiagent.mock.config.SettingGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module README's settings table is the settings' declarations ({@link Setting}) as they
 * are: every flag, variable, default and meaning. On a mismatch the message holds the table to
 * paste between the markers.
 */
class ReadmeSettingsTest {
  static final String START = "<!-- settings table: made from the Setting declarations, checked by ReadmeSettingsTest -->";
  static final String END = "<!-- end of settings table -->";

  /** @return the table the declarations describe */
  static String expectedTable() {
    List<String> rows = new ArrayList<>();
    rows.add("| Flag | Environment variable | Default | Meaning |");
    rows.add("|---|---|---|---|");
    for (SettingGroup<?> g : MockServerConfig.GROUPS) {
      List<Setting<?>> text = g.settings().stream().filter(Setting::hasText).toList();
      if (text.isEmpty()) {
        continue;
      }
      rows.add("| **" + g.name() + "** (`config." + g.name() + "()`) | | | |");
      for (Setting<?> s : text) {
        String flag = s.isSwitch() ? "`" + s.flag() + "[=true|false]`" : "`" + s.flag() + " " + s.label() + "`";
        String env = "`" + s.env() + "`";
        if (s.repeatable()) {
          flag += " (repeatable)";
          env += " (comma-separated)";
        }
        String def = s.standaloneDefault() != null
            ? s.standaloneDefault() + " (embedded: " + s.defaultText() + ")" : s.defaultText();
        rows.add("| " + String.join(" | ", List.of(flag, env, def, s.description()).stream()
            .map(c -> c.replace("|", "\\|")).toList()) + " |");
      }
    }
    return String.join("\n", rows);
  }

  @Test
  void readmeTableIsTheDeclarations() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int a = readme.indexOf(START);
    int b = readme.indexOf(END);
    assertThat(a).as("README.md has the marker %s; the table:%n%s%n", START, expectedTable()).isNotNegative();
    assertThat(b).as("README.md has the marker %s", END).isGreaterThan(a);
    String table = readme.substring(a + START.length(), b).strip();
    assertThat(table).as("README.md settings table; expected:%n%s%n", expectedTable()).isEqualTo(expectedTable());
  }
}
