package io.github.zegoaiagent.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Instance IDs and callback Nonces: 19 digits, increasing, from a random start per JVM. */
class ProcessSequenceTest {

  @Test
  void nineteenDigitsIncreasingAndNeverRepeated() {
    Set<String> seen = new HashSet<>();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      String id = ProcessSequence.INSTANCE_IDS.next();
      assertThat(id).matches("[1-9][0-9]{18}");
      assertThat(Long.parseLong(id)).isGreaterThan(previous);
      previous = Long.parseLong(id);
      assertThat(seen.add(id)).isTrue();
    }
    assertThat(ProcessSequence.CALLBACK_NONCES.next()).matches("[1-9][0-9]{18}");
  }

  @Test
  void startsAtARandomPoint() throws Exception {
    // Each JVM initialises the class once; a fresh class loader shows what another run would start at.
    Set<Long> starts = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
          new java.net.URL[] {ProcessSequence.class.getProtectionDomain().getCodeSource().getLocation()}, null)) {
        Class<?> c = loader.loadClass(ProcessSequence.class.getName());
        Object seq = c.getField("INSTANCE_IDS").get(null);
        starts.add(Long.parseLong((String) c.getMethod("next").invoke(seq)));
      }
    }
    assertThat(starts).hasSize(5);
  }
}
