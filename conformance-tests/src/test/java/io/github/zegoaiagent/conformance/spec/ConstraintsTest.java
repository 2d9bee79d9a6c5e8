package io.github.zegoaiagent.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.contract.ZegoContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case generator on small contracts: what it handles (allOf, map value schemas, exclusive
 * alternatives) becomes cases, and any keyword it does not handle stops it with a message naming
 * the place, so the suite's coverage cannot shrink unnoticed.
 */
class ConstraintsTest {

  /** A one-action contract whose request has the given extra properties (YAML, indented 8). */
  private static Spec fixture(String properties) {
    String yaml = """
        openapi: 3.0.3
        info: {title: Fixture, version: 1.0.0}
        x-zego-tolerance: {nullMeansAbsent: true, unknownProperties: ignored, legacyValues: x-zego-legacy, openEnums: true}
        x-zego-return-codes:
          '0': {name: SUCCESS, layer: success, category: success, description: Success.}
        paths:
          /Act:
            post:
              x-zego-action: Act
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ActRequest'}
                    examples:
                      one: {value: {Id: a, RTC: {Room: r}, CDN: {Url: u}}}
              responses:
                '200': {description: OK}
        components:
          schemas:
            Bounded: {type: string, maxLength: 8}
            ActRequest:
              type: object
              required: [Id]
              x-zego-exclusive: [CDN, RTC]
              properties:
                Id: {type: string, maxLength: 4}
                RTC:
                  type: object
                  properties:
                    Room: {type: string, maxLength: 16}
                CDN:
                  type: object
                  properties:
                    Url: {type: string, maxLength: 32}
        """ + properties.indent(8);
    return Spec.of(ZegoContract.parse(yaml, "fixture.yaml"));
  }

  @Test
  void theRealContractIsWalkedWithoutAnUnhandledKeyword() {
    List<Constraint> all = new Constraints(Spec.CONTRACT).all();
    assertThat(all).extracting(Constraint::keyword).contains("maxLength", "pattern", "enum", "maxItems", "required");
    assertThat(new Constraints(Spec.CONTRACT).optionals()).isNotEmpty();
  }

  @Test
  void allOfMembersAndMapValuesBecomeCases() {
    Spec spec = fixture("""
        Described:
          allOf: [{$ref: '#/components/schemas/Bounded'}]
          description: the described-$ref idiom
        Map:
          type: object
          additionalProperties: {type: string, maxLength: 6}
        """);
    List<Constraint> all = new Constraints(spec).all();
    assertThat(all).map(Constraint::toString).contains("Act Described maxLength=8", "Act Map.k1 maxLength=6");
    Requests requests = new Requests(spec);
    Constraint map = all.stream().filter(c -> c.jsonPath().equals("Map.k1")).findFirst().orElseThrow();
    assertThat(requests.atLimit(map).path("Map").path(Constraints.MAP_KEY).asText()).hasSize(6);
    assertThat(requests.overLimit(map).path("Map").path(Constraints.MAP_KEY).asText()).hasSize(7);
  }

  @Test
  void aCaseUnderAnExclusiveAlternativeLeavesTheOthersOut() {
    Spec spec = fixture("");
    Requests requests = new Requests(spec);
    List<Constraint> all = new Constraints(spec).all();
    Constraint room = all.stream().filter(c -> c.jsonPath().equals("RTC.Room")).findFirst().orElseThrow();
    Constraint url = all.stream().filter(c -> c.jsonPath().equals("CDN.Url")).findFirst().orElseThrow();
    ObjectNode rtc = requests.overLimit(room);
    assertThat(rtc.has("CDN")).as("CDN would win over RTC").isFalse();
    assertThat(rtc.path("RTC").path("Room").asText()).hasSize(17);
    assertThat(requests.atLimit(url).has("RTC")).isFalse();
    // Outside the alternatives the example stays whole.
    Constraint id = all.stream().filter(c -> c.jsonPath().equals("Id") && c.keyword().equals("maxLength"))
        .findFirst().orElseThrow();
    assertThat(requests.atLimit(id).has("RTC")).isTrue();
    assertThat(requests.atLimit(id).has("CDN")).isTrue();
  }

  @Test
  void anUnhandledKeywordStopsTheGeneratorNamingActionFieldAndKeyword() {
    assertThatThrownBy(() -> new Constraints(fixture("""
        Tags:
          type: array
          minItems: 1
          items: {type: string}
        """)).all())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not handle keyword minItems (1) at Act Tags");
    assertThatThrownBy(() -> new Constraints(fixture("""
        Rate: {type: number, minimum: 0, exclusiveMinimum: true}
        """)).optionals())
        .hasMessageContaining("keyword exclusiveMinimum (true) at Act Rate");
    assertThatThrownBy(() -> new Constraints(fixture("""
        Either:
          oneOf: [{type: string}, {type: integer}]
        """)).all())
        .hasMessageContaining("keyword oneOf").hasMessageContaining("at Act Either");
    assertThatThrownBy(() -> new Constraints(fixture("""
        Room:
          type: object
          properties:
            Tags: {type: array, items: {type: string, format: uuid}}
        """)).all())
        .hasMessageContaining("format uuid at Act Room.Tags[0]");
  }
}
