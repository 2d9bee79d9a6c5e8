package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import io.github.zegoaiagent.client.model.CallbackEvent;
import io.github.zegoaiagent.client.model.ExceptionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackTest {

  // The contract's examples were sent at 1745502313000 ms: verify them at that time.
  private final CallbackVerifier verifier = CallbackVerifier.builder("secret")
      .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
  private final CallbackParser parser = new CallbackParser(verifier);

  @ParameterizedTest
  @CsvSource({
      // Vendor-documented vector (reference §8.5).
      "1470820198, 123412, 5bd59fd62953a8059fb7eaba95720f66d19e4517",
      // Locally computed vector with a millisecond timestamp (reference §8.5).
      "1745502313000, 7450395512627324902, 833b8278832150220fe9cccace3d54fe8783ba5c",
  })
  void matchesTheReferenceVectors(String timestamp, String nonce, String expected) {
    assertThat(verifier.expectedSignature(timestamp, nonce)).isEqualTo(expected);
    assertThat(verifier.isValid(timestamp, nonce, expected)).isTrue();
    assertThat(verifier.isValid(timestamp, nonce, expected.replace('5', '6'))).isFalse();
  }

  /** The contract's callback examples, re-signed with the test secret. */
  private static ObjectNode signed(ObjectNode event, CallbackVerifier verifier) {
    event.put("Signature", verifier.expectedSignature(event.get("Timestamp").asText(), event.get("Nonce").asText()));
    return event;
  }

  @Test
  void parsesEveryContractExampleIntoItsTypedEvent() {
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> examples = SpecExamples.spec()
        .at("/components/callbacks/AgentInstanceEvents/https:~1~1your-server.invalid~1zego~1aiagent~1callback/post/requestBody/content/application~1json/examples")
        .properties().iterator();
    int parsed = 0;
    while (examples.hasNext()) {
      ObjectNode body = (ObjectNode) examples.next().getValue().get("value").deepCopy();
      CallbackEvent event = parser.parse(signed(body, verifier).toString());
      assertThat(event.getEvent()).isEqualTo(body.get("Event").asText());
      assertThat(event.getClass().getSimpleName()).isEqualTo(body.get("Event").asText() + "Event");
      parsed++;
    }
    assertThat(parsed).isGreaterThanOrEqualTo(2);
  }

  @Test
  void exposesTheTypedData() {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    AgentInstanceDeletedEvent deleted = (AgentInstanceDeletedEvent) parser.parse(signed(body, verifier).toString());
    assertThat(deleted.getAgentInstanceId()).isEqualTo("1912124734317838336");
    assertThat(deleted.getData().getCode()).isZero();
    assertThat(deleted.getData().getLatencyData().getLlmTtft()).isEqualTo(613);
  }

  @Test
  void refusesAWrongOrMissingSignature() {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy(); // the doc's signature was made with another secret
    assertThat(catchThrowableOfType(InvalidCallbackException.class, () -> parser.parse(body.toString())))
        .hasMessageContaining("signature is wrong").hasMessageNotContaining("secret\"")
        .extracting(InvalidCallbackException::reason).isEqualTo(InvalidCallbackException.Reason.FORGED);
    body.remove("Signature");
    assertThat(catchThrowableOfType(InvalidCallbackException.class, () -> parser.parse(body.toString())))
        .hasMessageContaining("lacks");
    assertThat(catchThrowableOfType(InvalidCallbackException.class, () -> parser.parse("not json")))
        .hasMessageContaining("not JSON");
  }

  @Test
  void keepsUnknownEventsAndIgnoresUnknownFields() {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Event", "SomethingNew");
    body.put("Nonce", "1");
    body.put("BrandNewField", 1);
    CallbackEvent event = parser.parse(signed(body, verifier).toString());
    assertThat(event).isInstanceOf(UnknownCallbackEvent.class);
    assertThat(event.getEvent()).isEqualTo("SomethingNew");
    assertThat(((UnknownCallbackEvent) event).body().get("BrandNewField").asInt()).isEqualTo(1);

    ObjectNode exception = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    exception.put("Event", "Exception");
    exception.put("Nonce", "2");
    exception.set("Data", exception.objectNode().put("Code", 2203).put("Message", "bad key").put("Extra", true));
    assertThat(((ExceptionEvent) parser.parse(signed(exception, verifier).toString())).getData().getCode()).isEqualTo(2203);
  }

  @Test
  void neverPrintsTheCallbackSecret() {
    assertThat(new CallbackVerifier("my-callback-secret").toString()).doesNotContain("my-callback-secret");
  }
}
