package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.callback.CallbackParser;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every enum-typed property of every response schema and of every callback event (derived
 * from the contract), an answer holding a value the contract does not list decodes through the
 * generated client and keeps the raw value (ADR 0004, {@code x-zego-tolerance.openEnums}). The
 * target is a stub HTTP server answering the crafted body, so this holds on every run.
 */
@ExtendWith(ReportExtension.class)
class UnknownValuesIT {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonCodec.newMapper();
  private static final String CALLBACK_SECRET = "unknown-values-secret";

  private static HttpServer stub;
  private static volatile byte[] answer = new byte[0];
  private static ZegoAiAgentClient client;

  /**
   * One enum property to spoil.
   *
   * @param action the report row: the action answering, or a create action for a callback event
   * @param event the callback event name, or null for an answer
   * @param schema the schema of the whole answer or event
   * @param path property names and array indexes from the answer root to the enum
   * @param values the enum values the contract lists
   */
  record Case(String action, String event, JsonNode schema, List<Object> path, JsonNode values) {
    @Override
    public String toString() {
      return action + (event == null ? "" : " callback " + event) + " " + path;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = answer;
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    stub.start();
    client = ZegoAiAgentClient.builder().appId(1).serverSecret("stub-secret")
        .endpoint(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    stub.stop(0);
  }

  static Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String action : SPEC.actions()) {
      JsonNode schema = SPEC.responseSchema(action);
      enums(schema, new ArrayList<>(), (path, values) -> out.add(new Case(action, null, schema, path, values)));
      if (SPEC.operation(action).has("callbacks")) {
        for (JsonNode event : SPEC.root().at("/components/schemas/CallbackEvent/oneOf")) {
          var mapping = SPEC.root().at("/components/schemas/CallbackEvent/discriminator/mapping").properties().iterator();
          String name = null;
          while (mapping.hasNext()) {
            Map.Entry<String, JsonNode> e = mapping.next();
            if (e.getValue().asText().equals(event.path("$ref").asText())) {
              name = e.getKey();
            }
          }
          String eventName = java.util.Objects.requireNonNull(name, "no discriminator mapping for " + event);
          enums(event, new ArrayList<>(), (path, values) -> out.add(new Case(action, eventName, event, path, values)));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anUnlistedEnumValueDecodesAndKeepsTheRawValue(Case c) throws Exception {
    Report.cover(c.action(), "unknown-values");
    JsonNode unlisted = unlisted(c.values());
    ObjectNode body = F.objectNode();
    set(body, c.schema(), c.path(), unlisted);
    Object decoded;
    if (c.event() == null) {
      body.put("Code", 0).put("Message", "Success").put("RequestId", "1");
      answer = MAPPER.writeValueAsBytes(body);
      Class<?> requestType = ActionCatalog.ACTIONS.stream().filter(e -> e.action().equals(c.action())).findFirst()
          .orElseThrow().requestType();
      decoded = client.call(c.action(), MAPPER.treeToValue(SPEC.requestExample(c.action()), requestType));
    } else {
      // The verifier's clock stands at the callback's Timestamp, so the tolerance never refuses it.
      CallbackVerifier verifier = CallbackVerifier.builder(CALLBACK_SECRET)
          .clock(java.time.Clock.fixed(java.time.Instant.ofEpochMilli(1745502313000L), java.time.ZoneOffset.UTC)).build();
      body.put("AppId", 1).put("Event", c.event()).put("Nonce", "7450395512627324902").put("Timestamp", 1745502313000L);
      body.put("Signature", verifier.expectedSignature("1745502313000", "7450395512627324902"));
      decoded = new CallbackParser(verifier).parse(body.toString());
      assertThat(decoded.getClass().getSimpleName()).as("typed event, not UnknownCallbackEvent").isEqualTo(c.event() + "Event");
    }
    JsonNode back = MAPPER.valueToTree(decoded).at(pointer(c.path()));
    assertThat(back.asText()).as("%s decoded from %s", c, body).isEqualTo(unlisted.asText());
    assertThat(back.isTextual()).isEqualTo(unlisted.isTextual());
  }

  // ------------------------------------------------------------------ schema walking

  private interface Found {
    void enumAt(List<Object> path, JsonNode values);
  }

  /** Calls {@code found} for every enum-typed property reachable from {@code schema}. */
  private static void enums(JsonNode schemaRef, List<Object> path, Found found) {
    JsonNode schema = SPEC.resolve(schemaRef);
    if (schema.has("enum")) {
      if (!path.isEmpty()) {
        found.enumAt(List.copyOf(path), schema.get("enum"));
      }
      return;
    }
    if (schema.has("items")) {
      path.add(0);
      enums(schema.get("items"), path, found);
      path.remove(path.size() - 1);
      return;
    }
    properties(schema).forEach((name, prop) -> {
      path.add(name);
      enums(prop, path, found);
      path.remove(path.size() - 1);
    });
  }

  /** Properties of a schema, merged over {@code allOf}. */
  private static Map<String, JsonNode> properties(JsonNode schemaRef) {
    JsonNode schema = SPEC.resolve(schemaRef);
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    schema.path("allOf").forEach(part -> out.putAll(properties(part)));
    schema.path("properties").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Creates the objects and arrays down to the enum and puts the value there. */
  private static void set(ObjectNode root, JsonNode schema, List<Object> path, JsonNode value) {
    JsonNode node = root;
    JsonNode current = schema;
    for (int i = 0; i < path.size(); i++) {
      Object step = path.get(i);
      boolean last = i == path.size() - 1;
      JsonNode next = step instanceof String name ? properties(current).get(name) : SPEC.resolve(current).get("items");
      JsonNode child = last ? value : "array".equals(SPEC.resolve(next).path("type").asText()) ? F.arrayNode() : F.objectNode();
      if (step instanceof String name) {
        ((ObjectNode) node).set(name, child);
      } else {
        ((ArrayNode) node).add(child);
      }
      node = child;
      current = next;
    }
  }

  private static JsonNode unlisted(JsonNode values) {
    if (values.get(0).isTextual()) {
      return F.textNode("NotInTheContract");
    }
    long max = Long.MIN_VALUE;
    for (JsonNode v : values) {
      max = Math.max(max, v.asLong());
    }
    return F.numberNode(max + 1);
  }

  private static String pointer(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    path.forEach(step -> sb.append('/').append(step));
    return sb.toString();
  }
}
