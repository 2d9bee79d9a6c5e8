package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The generated action table, the code constants and the signature agree with the contract. */
class ContractTableTest {
  final JsonNode spec = Contract.load().root();

  @Test
  void tableHasEveryActionOfTheSpec() {
    TreeSet<String> specActions = new TreeSet<>();
    spec.path("paths").forEach(p -> specActions.add(p.path("post").path("x-zego-action").asText()));
    Map<String, ActionHandler.Action<CallContext>> table = ActionHandler.table();
    assertThat(new TreeSet<>(table.keySet())).isEqualTo(specActions).hasSize(19);
    table.values().forEach(a -> {
      JsonNode op = spec.path("paths").path("/" + a.name()).path("post");
      assertThat(a.operationId()).isEqualTo(op.path("operationId").asText());
      assertThat(a.liveDigitalHumanAllowed()).isEqualTo("allowed".equals(op.path("x-zego-live-digital-human").asText()));
      List<Integer> errors = new ArrayList<>();
      op.path("x-zego-errors").forEach(e -> errors.add(e.asInt()));
      assertThat(a.errorCodes()).isEqualTo(errors);
      assertThat(spec.at(a.requestPath()).isMissingNode()).as(a.requestPath()).isFalse();
    });
  }

  @Test
  void everyCodeConstantIsInTheSpecUnderTheSameName() throws Exception {
    int n = 0;
    for (Field f : Codes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        JsonNode rc = Contract.load().returnCode(f.getInt(null));
        assertThat(rc.path("name").asText()).as(f.getName()).isEqualTo(f.getName());
        n++;
      }
    }
    assertThat(n).isGreaterThan(30);
  }

  @Test
  void signatureMatchesTheVendorVectors() {
    assertThat(Signatures.sign(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943))
        .isEqualTo("43e5cfcca828314675f91b001390566a");
    assertThat(Signatures.sign(1234567890, "0123456789abcdef", "0123456789abcdef0123456789abcdef", 1700000000))
        .isEqualTo("16623b00a07719a644da6752e631e98a");
    assertThat(Signatures.sign(4294967295L, "ffffffffffffffff", "9193cc662a4c0ec135ec71fb57194b38", 1767225600))
        .isEqualTo("8f2a081229ca1a27efbb587224e5778a");
    assertThat(Signatures.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Signatures.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Signatures.constantTimeEquals("abc", "ab")).isFalse();
  }
}
