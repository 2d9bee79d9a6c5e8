package io.github.zegoaiagent.client.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.callback.CallbackParser;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.callback.InvalidCallbackException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.internal.codec.Attempt;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.internal.generated.Invokers;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.contract.Action;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One strictness: every integer-typed field of every answer and every callback, found by walking
 * the contract's schemas, refuses a fractional number ({@code 1.9} is not read as 1) with its JSON
 * path, as the envelope's {@code Code} does.
 */
class IntegerFieldsTest {

  private static final JsonNode DOC = SpecExamples.spec();
  private static final EnvelopeDecoder DECODER = new EnvelopeDecoder(JsonCodec.newMapper());
  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (k, v) -> true);
  private static final DecimalNode FRACTION = DecimalNode.valueOf(new BigDecimal("1.9"));

  /**
   * @param schema a schema (or a $ref to one)
   * @param path the JSON path that reaches it, e.g. {@code $.Data}
   * @param out where integer-typed paths are collected
   */
  static void integerPaths(JsonNode schema, String path, List<String> out, int depth) {
    if (depth > 20) {
      throw new IllegalStateException("schema nesting too deep at " + path);
    }
    if (schema.has("$ref")) {
      integerPaths(DOC.at(schema.get("$ref").asText().substring(1)), path, out, depth + 1);
      return;
    }
    for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(combiner).forEach(part -> integerPaths(part, path, out, depth + 1));
    }
    if ("integer".equals(schema.path("type").asText())) {
      out.add(path);
    }
    schema.path("properties").properties().forEach(p -> integerPaths(p.getValue(), path + "." + p.getKey(), out, depth + 1));
    if (schema.has("items")) {
      integerPaths(schema.get("items"), path + "[0]", out, depth + 1);
    }
    if (schema.path("additionalProperties").isObject()) {
      integerPaths(schema.get("additionalProperties"), path + ".key", out, depth + 1);
    }
  }

  /** Puts {@code value} at a path like {@code $.Data.Agents[0].Status}, creating what is missing. */
  static void put(ObjectNode root, String path, JsonNode value) {
    String[] steps = path.substring(2).split("\\.");
    JsonNode node = root;
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      boolean array = step.endsWith("[0]");
      String name = array ? step.substring(0, step.length() - 3) : step;
      ObjectNode parent = (ObjectNode) node;
      boolean last = i == steps.length - 1;
      if (array) {
        ArrayNode list = parent.get(name) instanceof ArrayNode a && !a.isEmpty() ? a : parent.putArray(name);
        if (list.isEmpty()) {
          list.addObject();
        }
        if (last) {
          list.set(0, value);
        } else {
          if (!list.get(0).isObject()) {
            list.set(0, list.objectNode());
          }
          node = list.get(0);
        }
      } else if (last) {
        parent.set(name, value);
      } else {
        node = parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
      }
    }
  }

  @TestFactory
  List<DynamicTest> everyIntegerOfEveryAnswerRefusesAFraction() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Action action : SpecExamples.contract().actions()) {
      List<String> paths = new ArrayList<>();
      integerPaths(DOC.at(action.response().pointer()), "$", paths, 0);
      assertThat(paths).as(action.name()).contains("$.Code");
      for (String path : paths) {
        tests.add(dynamicTest(action.name() + " " + path, () -> {
          ObjectNode answer = (ObjectNode) SpecExamples.successResponse(action.name()).deepCopy();
          put(answer, path, FRACTION);
          Class<?> type = Invokers.spec(action.name()).responseType();
          ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class, () -> DECODER.decode(type,
              new Answer(200, NO_HEADERS, answer.toString().getBytes(StandardCharsets.UTF_8)),
              new Attempt(action.name(), 1, 1, 0, "http://127.0.0.1:1")));
          assertThat(e).as("%s with %s: 1.9 was accepted", action.name(), path).isNotNull();
          assertThat(e.reason()).isEqualTo(ZegoTransportException.Reason.MALFORMED_ANSWER);
          assertThat(e.getMessage()).contains("at " + path);
        }));
      }
    }
    // Every answer's Code, and the integers of the answers' Data (Round, Total, Status, timestamps, ...).
    assertThat(tests.size()).as("integer fields found in the answers").isGreaterThan(SpecExamples.contract().actions().size() + 10);
    return tests;
  }

  @TestFactory
  List<DynamicTest> everyIntegerOfEveryCallbackRefusesAFraction() {
    CallbackVerifier verifier = CallbackVerifier.builder("secret")
        .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
    CallbackParser parser = new CallbackParser(verifier);
    JsonNode events = DOC.at("/components/schemas/CallbackEvent/discriminator/mapping");
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> event : events.properties()) {
      List<String> paths = new ArrayList<>();
      integerPaths(DOC.at(event.getValue().asText().substring(1)), "$", paths, 0);
      for (String path : paths) {
        tests.add(dynamicTest(event.getKey() + " " + path, () -> {
          ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
          body.put("Event", event.getKey());
          body.remove("Data");
          put(body, path, FRACTION);
          String timestamp = body.get("Timestamp").asText();
          body.put("Signature", verifier.expectedSignature(timestamp, body.get("Nonce").asText()));
          InvalidCallbackException e = catchThrowableOfType(InvalidCallbackException.class, () -> parser.parse(body.toString()));
          assertThat(e).as("%s with %s: 1.9 was accepted", event.getKey(), path).isNotNull();
          assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.MALFORMED);
          assertThat(e.getMessage()).contains("at " + path);
        }));
      }
    }
    assertThat(tests.size()).as("integer fields found in the callbacks").isGreaterThan(30);
    return tests;
  }

  @Test
  void theWalkerFindsTheRoundOfARoundAnswer() {
    List<String> paths = new ArrayList<>();
    integerPaths(DOC.at(SpecExamples.contract().action("SendAgentInstanceTTS").response().pointer()), "$", paths, 0);
    assertThat(paths).containsExactly("$.Code", "$.Data.Round");
  }
}
