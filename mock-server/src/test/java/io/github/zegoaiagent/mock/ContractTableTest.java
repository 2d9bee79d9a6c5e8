package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.ZegoContract;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated action table, the code constants and the signature agree with the contract. */
class ContractTableTest {
  final ZegoContract contract = Contract.load().model();

  @Test
  void tableHasEveryActionOfTheSpec() {
    Map<String, ActionHandler.Action<CallContext>> table = ActionHandler.table();
    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(contract.actions().stream().map(Action::name).toList());
    table.values().forEach(a -> {
      Action action = contract.action(a.name());
      assertThat(a.operationId()).isEqualTo(action.operationId());
      assertThat(a.liveDigitalHumanAllowed()).isEqualTo(action.liveDigitalHumanAllowed());
      assertThat(a.errorCodes()).isEqualTo(action.errors());
      assertThat(a.requestPath()).isEqualTo(action.request().pointer());
    });
  }

  @Test
  void everyCodeConstantIsInTheSpecUnderTheSameName() throws Exception {
    int n = 0;
    for (Field f : Codes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        assertThat(Contract.load().returnCode(f.getInt(null))).as(f.getName())
            .hasValueSatisfying(rc -> assertThat(rc.name()).isEqualTo(f.getName()));
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
