package io.github.zegoaiagent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's JSON text of a node is the mapper's, also where it skips the mapper. */
class PointersTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static void collect(JsonNode n, List<JsonNode> out) {
    out.add(n);
    n.forEach(c -> collect(c, out));
  }

  @Test
  void textIsTheMappersTextForEveryNodeOfTheContractAndHardStrings() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    collect(ZegoContract.load().document(), nodes);
    JsonNodeFactory f = JsonNodeFactory.instance;
    nodes.addAll(List.of(f.textNode("quote \" backslash \\ slash / tab \t newline \n nul \u0000 é 中 😀"),
        f.textNode(""), f.numberNode(Long.MIN_VALUE), f.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
        f.numberNode(-0.0), f.numberNode(1e300), f.numberNode(new java.math.BigDecimal("1.50")), f.booleanNode(false),
        f.nullNode()));
    assertThat(nodes).hasSizeGreaterThan(1000);
    for (JsonNode n : nodes) {
      assertThat(Pointers.text(n)).as("%s", n).isEqualTo(MAPPER.writeValueAsString(n));
    }
  }

  @Test
  void childEscapesTildeAndSlashOnly() {
    assertThat(Pointers.child("/paths", "/ListAgents")).isEqualTo("/paths/~1ListAgents");
    assertThat(Pointers.child("", "a~b")).isEqualTo("/a~0b");
    assertThat(Pointers.child("/x", "plain")).isEqualTo("/x/plain");
  }
}
