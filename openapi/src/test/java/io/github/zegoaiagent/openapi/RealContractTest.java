package io.github.zegoaiagent.openapi;

import static io.github.zegoaiagent.openapi.Violations.assertNone;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written contract {@code openapi/zego-aiagent.yaml} passes every {@link ContractChecks} check. */
class RealContractTest {

  // Surefire runs in the module directory, where the contract lives.
  private static final Path SPEC = Path.of("zego-aiagent.yaml");

  private static ContractChecks checks;

  @BeforeAll
  static void load() {
    checks = ContractChecks.of(SPEC, ContractChecks.ZEGO_ACTIONS);
  }

  @Test
  void parsesAndValidatesWithSwaggerParser() {
    assertNone(SPEC + " (swagger-parser)", checks.parsing());
  }

  @Test
  void hasOnePostPerActionForExactlyTheNineteenActions() {
    assertNone(SPEC + " (operations)", checks.operations());
  }

  @Test
  void requiresTheFiveSignedQueryParametersTogether() {
    assertNone(SPEC + " (security)", checks.security());
  }

  @Test
  void hasValidRequestAndResponseExamples() {
    assertNone(SPEC + " (examples)", checks.examples());
  }

  @Test
  void boundsEveryRequestIdField() {
    assertNone(SPEC + " (ID fields)", checks.idFields());
  }

  @Test
  void listsWellFormedReturnCodesForEveryOperationError() {
    assertNone(SPEC + " (return codes)", checks.returnCodes());
  }

  @Test
  void listsSevenHttpsServers() {
    assertNone(SPEC + " (servers)", checks.servers());
  }

  @Test
  void statesItsToleranceRulesAndWellFormedLegacyValues() {
    assertNone(SPEC + " (tolerance)", checks.tolerance());
  }

  @Test
  void everyExtensionHasItsDocumentedForm() {
    assertNone(SPEC + " (extensions)", checks.extensions());
  }

  @Test
  void isPackagedAsClasspathResource() {
    // target/classes (the module's own jar content) is on the test classpath.
    assertNotNull(RealContractTest.class.getResource("/openapi/zego-aiagent.yaml"),
        "/openapi/zego-aiagent.yaml is not on the classpath; check the <resources> of openapi/pom.xml");
  }
}
