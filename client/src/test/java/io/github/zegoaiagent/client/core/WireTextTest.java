package io.github.zegoaiagent.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTextTest {

  @Test
  void controlCharactersBecomeVisible() {
    assertThat(WireText.clip("a\r\nb\tc\u001b[31mred\u0000\u007f\u0085")).isEqualTo("a\\r\\nb\\tc\\u001b[31mred\\u0000\\u007f\\u0085");
    assertThat(WireText.clip("x\u2028y\u2029z")).isEqualTo("x\\u2028y\\u2029z");
    assertThat(WireText.clip("safe\u202Egnp.exe\u2066")).isEqualTo("safe\\u202egnp.exe\\u2066");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    String text = "Agent 小智 不存在 🙂 \"quoted\" \\ back-slash";
    assertThat(WireText.clip(text)).isEqualTo(text);
    assertThat(WireText.clip(null)).isEqualTo("null");
  }

  @Test
  void longTextIsClippedToTheStatedLengthAndSaysHowMuchIsLeft() {
    String clipped = WireText.clip("a".repeat(4_000_000));
    assertThat(clipped).startsWith("a".repeat(WireText.MAX_CHARS)).endsWith("…[" + (4_000_000 - WireText.MAX_CHARS) + " more chars]");
    assertThat(clipped.length()).isLessThan(WireText.MAX_CHARS + 40);
    // Escapes count towards the length, so a body of control characters stays bounded too.
    assertThat(WireText.clip("\u001b".repeat(10_000)).length()).isLessThan(WireText.MAX_CHARS + 40);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String clipped = WireText.clip("ab🙂🙂", 3);
    assertThat(clipped).startsWith("ab…").contains("more chars");
    assertThat(clipped.chars().anyMatch(c -> Character.isSurrogate((char) c))).isFalse();
  }

  @Test
  void displayEscapesInsideListsAndMaps() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k\n", List.of("v\r", 3));
    assertThat(WireText.display(map)).isEqualTo("{k\\n=[v\\r, 3]}");
    assertThat(WireText.display(42)).isEqualTo("42");
    assertThat(WireText.display(null)).isEqualTo("null");
  }
}
