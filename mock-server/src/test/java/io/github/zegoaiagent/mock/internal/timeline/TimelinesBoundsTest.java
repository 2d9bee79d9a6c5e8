package io.github.zegoaiagent.mock.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.values.JournalEntry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The timeline forgets the oldest entries beyond its bounds and says how many it forgot. */
class TimelinesBoundsTest {
  final AtomicLong clock = new AtomicLong(1_000);
  final Timelines t = new Timelines(clock::get, n -> n, new ContractWords(Contract.load().model()));

  JournalEntry request(String id, String text) {
    return new JournalEntry(1, clock.get(), "POST", "/", "", "SendAgentInstanceTTS", 1L,
        "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"" + text + "\"}", 0, "success", "r", List.of(), List.of());
  }

  @Test
  void atMostMaxEntriesOfAllInstancesOldestForgotten() {
    for (int i = 0; i < Timelines.MAX_ENTRIES + 500; i++) {
      t.received();
      t.answered(request(i < 400 ? "old" : "new", "n" + i), 0);
    }
    assertThat(t.summaries(Set.of())).extracting(s -> s.getAgentInstanceId()).containsExactly("new");
    var fresh = t.timeline("new", null).orElseThrow();
    assertThat(fresh.getEntries()).hasSize(Timelines.MAX_ENTRIES);
    assertThat(fresh.getForgotten()).isEqualTo(100);
    assertThat(fresh.getEntries().get(0).getText()).isEqualTo("n500");
    assertThat(t.timeline("old", null)).isEmpty();
  }

  @Test
  void atMostMaxCharsOfText() {
    String big = "x".repeat(4000);
    int n = (int) (Timelines.MAX_CHARS / 4000) + 100;
    for (int i = 0; i < n; i++) {
      t.received();
      t.answered(request("i", big), 0);
    }
    var line = t.timeline("i", null).orElseThrow();
    long chars = line.getEntries().stream().mapToLong(e -> e.getText().length() + e.getDetail().length()).sum();
    assertThat(chars).isLessThanOrEqualTo(Timelines.MAX_CHARS);
    assertThat(line.getForgotten()).isPositive();
    assertThat(line.getEntries().get(0).getText()).hasSize(4000);
  }

  @Test
  void aLongTextIsClippedAndALongIdToo() {
    t.received();
    t.answered(request("i".repeat(1000), "y".repeat(10_000)), 0);
    var s = t.summaries(Set.of()).get(0);
    assertThat(s.getAgentInstanceId()).hasSize(Timelines.MAX_ID + 1).endsWith("…");
    var e = t.timeline(s.getAgentInstanceId(), null).orElseThrow().getEntries().get(0);
    assertThat(e.getText()).hasSize(Entry.MAX_TEXT + 1);
  }
}
