package io.github.zegoaiagent.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Instance IDs and callback Nonces: 19 digits, increasing, from a random start per mock. */
class IdSequenceTest {

  @Test
  void nineteenDigitsIncreasingAndNeverRepeated() {
    IdSequence ids = new IdSequence();
    Set<String> seen = new HashSet<>();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      assertThat(id).matches("[1-9][0-9]{18}");
      assertThat(Long.parseLong(id)).isGreaterThan(previous);
      previous = Long.parseLong(id);
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void eachSequenceStartsAtARandomPoint() {
    Set<Long> starts = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      starts.add(Long.parseLong(new IdSequence().next()));
    }
    assertThat(starts).hasSize(5);
  }
}
