package io.github.zegoaiagent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Did-you-mean answers the typos people make: a letter wrong, missing, extra or two swapped. */
class DidYouMeanTest {
  @Test
  void aSwapOfNeighboursIsOneEdit() {
    assertThat(DidYouMean.distance("prot", "port")).isEqualTo(1);
    assertThat(DidYouMean.distance("prot", "proxy")).isEqualTo(2);
    assertThat(DidYouMean.distance("ListAgnets", "ListAgents")).isEqualTo(1);
    assertThat(DidYouMean.distance("abc", "abc")).isZero();
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void theClosestNameWinsAndAFarOneIsNoSuggestion() {
    List<String> flags = List.of("proxy", "port", "qps-limit", "quiet");
    assertThat(DidYouMean.closest("prot", flags)).isEqualTo("port");
    assertThat(DidYouMean.closest("qps", flags)).isEqualTo("qps-limit"); // a cut-off name
    assertThat(DidYouMean.closest("ListAgent", List.of("ListAgents", "QueryAgents"))).isEqualTo("ListAgents");
    assertThat(DidYouMean.closest("listagents", List.of("ListAgents"))).isEqualTo("ListAgents");
    assertThat(DidYouMean.closest("something-else", flags)).isNull();
    assertThat(DidYouMean.closest("x".repeat(300), flags)).isNull();
  }
}
