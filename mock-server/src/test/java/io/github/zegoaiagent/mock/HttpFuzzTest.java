package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.zegoaiagent.mock.RawHttp.Framing;
import io.github.zegoaiagent.mock.generated.ActionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the mock's HTTP surface with jqwik: random and mutated query strings, random JSON of
 * wrong types, broken bytes (invalid JSON, invalid UTF-8, deep nesting, long strings), odd HTTP
 * framing and the control API. Every API answer must be HTTP 200 with the envelope and a Code
 * from the contract's {@code x-zego-return-codes} (never 410000001, the mock's "bug" code); every
 * control answer one of its documented statuses. Tries per property: {@code jqwik.tries.default}
 * (from {@code reliability.fuzzTries}, see RELIABILITY.md).
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong CASES = new AtomicLong();
  private static final Set<Integer> SEEN = new ConcurrentSkipListSet<>();
  private static final int MIB = 1024 * 1024;

  static MockServer server;
  static MockServer controlServer;
  static RawApi api;
  static Set<Integer> documented;
  static List<String> fieldNames;
  static List<String> actions;
  static String agentId = "fuzz_agent";
  static String instanceId;

  @BeforeContainer
  static void start() throws IOException {
    server = MockServer.start(TestServers.config().maxBodyBytes(MIB).build());
    // Random control calls (faults with delays, clock jumps) must not disturb the API fuzzing.
    controlServer = TestServers.start();
    api = new RawApi(server);
    JsonNode spec;
    try (InputStream in = HttpFuzzTest.class.getResourceAsStream("/openapi/zego-aiagent.yaml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    documented = new TreeSet<>();
    spec.path("x-zego-return-codes").fieldNames().forEachRemaining(c -> documented.add(Integer.parseInt(c)));
    Set<String> names = new TreeSet<>();
    spec.path("components").path("schemas").forEach(s -> s.path("properties").fieldNames().forEachRemaining(names::add));
    fieldNames = List.copyOf(names);
    actions = List.copyOf(new TreeSet<>(ActionHandler.table().keySet()));
    api.ok("RegisterAgent", Bodies.agent(agentId));
    instanceId = api.ok("CreateAgentInstance", Bodies.instance(agentId, "fz")).path("AgentInstanceId").asText();
  }

  @AfterContainer
  static void stop() {
    System.out.printf("HttpFuzzTest: %d HTTP exchanges, Codes seen %s%n", CASES.get(), SEEN);
    assertThat(server.journal()).noneMatch(e -> e.code() == 410000001);
    server.close();
    controlServer.close();
  }

  // ---- properties -------------------------------------------------------------------------

  @Property(generation = GenerationMode.RANDOMIZED)
  void randomQueryStrings(@ForAll("randomQueries") String query, @ForAll("bodies") String body) {
    api("POST", "/?" + query, body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH);
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void mutatedSignedQueries(@ForAll("actions") String action, @ForAll("mutations") List<Mutation> mutations,
      @ForAll("bodies") String body) {
    List<String[]> params = new ArrayList<>();
    for (String pair : api.signedQuery(action).split("&")) {
      params.add(pair.split("=", 2));
    }
    mutations.forEach(m -> m.apply(params));
    StringBuilder q = new StringBuilder();
    params.forEach(p -> q.append(q.length() == 0 ? "" : "&").append(p[0]).append(p.length > 1 ? "=" + p[1] : ""));
    api("POST", "/?" + q, body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH);
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void randomJsonOfWrongTypes(@ForAll("actions") String action, @ForAll("jsonBodies") JsonNode body) {
    int code = api("POST", "/?" + api.signedQuery(action), body.toString().getBytes(StandardCharsets.UTF_8),
        Framing.CONTENT_LENGTH);
    assertThat(code == 0 || RawApi.allowed(action, code)).as("Code %s not listed for %s", code, action).isTrue();
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void brokenBytes(@ForAll("actions") String action, @ForAll("brokenBodies") byte[] body,
      @ForAll("framings") Framing framing) {
    int code = api("POST", "/?" + api.signedQuery(action), body, framing);
    assertThat(code == 0 || RawApi.allowed(action, code)).as("Code %s not listed for %s", code, action).isTrue();
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void oddMethodsPathsAndFraming(@ForAll("methods") String method, @ForAll("paths") String path,
      @ForAll("framings") Framing framing, @ForAll("bodies") String body) {
    api(method, path + "?" + api.signedQuery("ListAgents"), body.getBytes(StandardCharsets.UTF_8), framing);
  }

  @Property(generation = GenerationMode.RANDOMIZED)
  void controlApiNeverFails(@ForAll("controlMethods") String method, @ForAll("controlPaths") String path,
      @ForAll("controlBodies") String body) throws IOException {
    RawHttp.Response r = RawHttp.exchange(controlServer.port(), RawHttp.request(method,
        ("/_mock/" + path).getBytes(StandardCharsets.ISO_8859_1), List.of("Content-Type: application/json"),
        body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH));
    CASES.incrementAndGet();
    int jdk = JdkFront.refusal(("/_mock/" + path).getBytes(StandardCharsets.ISO_8859_1));
    if (jdk != 0) {
      assertThat(r.status()).isEqualTo(jdk);
      return;
    }
    // README: "plain JSON with HTTP status codes (200, 400, 403, 404; never 5xx)"; the handler also documents 405.
    assertThat(r.status()).as("%s /_mock/%s %s", method, path, body).isIn(200, 400, 403, 404, 405);
    assertThat(JSON.readTree(r.body()).isContainerNode()).as("JSON answer of %s /_mock/%s", method, path).isTrue();
  }

  // ---- examples: sizes too costly for every try ------------------------------------------

  @Example
  void tenMegabyteBodiesAreRefusedWithTheDocumentedCode() throws IOException {
    byte[] big = ("{\"AgentId\":\"" + "a".repeat(10 * MIB) + "\"}").getBytes(StandardCharsets.UTF_8);
    for (Framing f : List.of(Framing.CONTENT_LENGTH, Framing.CHUNKED)) {
      // README: a body larger than maxBodyBytes answers 100000012 (after the gateway checks).
      assertThat(api("POST", "/?" + api.signedQuery("RegisterAgent"), big, f)).as("%s", f).isEqualTo(100000012);
      // Unsigned: the gateway answers first, still with an envelope.
      assertThat(api("POST", "/?Action=RegisterAgent", big, f)).isEqualTo(100000001);
    }
    assertThat(server.agents()).noneMatch(a -> a.agentId().length() > 1000);
  }

  @Example
  void deepNestingAndHugeStringsWithinTheCap() {
    for (int depth : new int[] {500, 999, 1000, 1001, 5000, 100_000}) {
      String nested = "{\"AgentId\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      assertThat(api("POST", "/?" + api.signedQuery("RegisterAgent"), nested.getBytes(StandardCharsets.UTF_8),
          Framing.CONTENT_LENGTH)).as("depth %d", depth).isIn(410000003, 410000004);
      String objects = "{\"LLM\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
      assertThat(api("POST", "/?" + api.signedQuery("UpdateAgent"), objects.getBytes(StandardCharsets.UTF_8),
          Framing.CONTENT_LENGTH)).as("object depth %d", depth).isIn(410000003, 410000004);
    }
    String huge = "{\"AgentId\":\"a1\",\"Name\":\"" + "你".repeat(300_000) + "\"}";
    assertThat(api("POST", "/?" + api.signedQuery("RegisterAgent"), huge.getBytes(StandardCharsets.UTF_8),
        Framing.CONTENT_LENGTH)).isEqualTo(410000003);
  }

  @Example
  void headAndMissingContentLength() throws IOException {
    RawHttp.Response head = RawHttp.exchange(server.port(), RawHttp.request("HEAD",
        ("/?" + api.signedQuery("ListAgents")).getBytes(StandardCharsets.US_ASCII), List.of(), null, Framing.NONE));
    assertThat(head.status()).isEqualTo(200);
    // No Content-Length and no chunking: an empty body, 410000004 as documented.
    assertThat(api("POST", "/?" + api.signedQuery("RegisterAgent"), "{\"AgentId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
        Framing.NONE)).isEqualTo(410000004);
  }

  // ---- the check ----------------------------------------------------------------------------

  /** Sends, asserts HTTP 200 + envelope + documented Code (not the mock's bug code), returns Code. */
  private static int api(String method, String target, byte[] body, Framing framing) {
    return api(method, target.getBytes(StandardCharsets.ISO_8859_1), body, framing);
  }

  private static int api(String method, byte[] target, byte[] body, Framing framing) {
    String what = method + " " + new String(target, 0, Math.min(target.length, 200), StandardCharsets.ISO_8859_1);
    RawHttp.Response r;
    try {
      r = RawHttp.exchange(server.port(), RawHttp.request(method, target,
          List.of("Content-Type: application/json"), body, framing));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + what, e);
    }
    CASES.incrementAndGet();
    int jdk = JdkFront.refusal(target);
    if (jdk != 0) {
      // Not a URI: the JDK server answers before the mock sees it (mock-server README).
      assertThat(r.status()).as("HTTP status of %s", what).isEqualTo(jdk);
      SEEN.add(-jdk);
      return -jdk;
    }
    assertThat(r.status()).as("HTTP status of %s", what).isEqualTo(200);
    JsonNode n;
    try {
      n = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.text() + " for " + what, e);
    }
    assertThat(n.path("Code").isIntegralNumber() && n.path("Message").isTextual()
        && n.path("RequestId").asText().matches("[0-9]+")).as("envelope %s for %s", n, what).isTrue();
    int code = n.get("Code").asInt();
    SEEN.add(code);
    assertThat(documented).as("Code of %s: %s", what, n).contains(code);
    assertThat(code).as("the mock's own-bug code for %s: %s", what, n).isNotEqualTo(410000001);
    return code;
  }

  // ---- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<String> actions() {
    return Arbitraries.of(actions);
  }

  /** Text that ends up percent-encoded or raw in a query: unicode, escapes good and bad, long. */
  private static Arbitrary<String> queryText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)),
        Arbitraries.strings().withChars("%&=+;#?/0123456789abcdefABCDEFzZ.-_").ofMaxLength(20),
        Arbitraries.of("%", "%z", "%zz", "%FF", "%C3%28", "%ED%A0%80", "%00", "%F0%9F", "%E4%BD", "+", "%2B", "%26",
            "1234567890", "4294967296", "-1", "2.0", "1e3", "0x10", "99999999999999999999"),
        Arbitraries.integers().between(100, 20_000).map("A"::repeat));
  }

  @Provide
  Arbitrary<String> randomQueries() {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("Action", "AppId", "SignatureNonce", "Timestamp",
        "Signature", "SignatureVersion", "action", "APPID"), queryText());
    Arbitrary<String> pair = Combinators.combine(name, queryText(), Arbitraries.of("=", "", "=="))
        .as((n, v, eq) -> eq.isEmpty() ? n : n + eq + v);
    return pair.list().ofMaxSize(12).map(l -> String.join("&", l));
  }

  /** A change to a correctly signed parameter list (a record, so a failure prints it). */
  record Mutation(String kind, int index, String value) {
    void apply(List<String[]> p) {
      if (kind.equals("add")) {
        p.add(new String[] {value, value});
      } else if (kind.equals("reverse")) {
        java.util.Collections.reverse(p);
      } else if (index < p.size()) {
        switch (kind) {
          case "drop" -> p.remove(index);
          case "duplicateBefore" -> p.add(index, new String[] {p.get(index)[0], value});
          case "duplicateAfter" -> p.add(new String[] {p.get(index)[0], value});
          default -> p.set(index, new String[] {p.get(index)[0], value});
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(Arbitraries.of("drop", "duplicateBefore", "duplicateAfter", "replace", "add", "reverse"),
        Arbitraries.integers().between(0, 5), queryText()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(Arbitraries.of("{}", Bodies.agent("q1"), Bodies.id("1"), "", "null", "[", "{\"Limit\":3}"),
        jsonBodies().map(JsonNode::toString));
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().alpha().numeric().withChars("_-.@#").ofMinLength(1).ofMaxLength(70),
        Arbitraries.of("", " ", "High", "Low", "Medium", "Urgent", "Enqueue", "ClearAndInterrupt", "user", "assistant",
            "ByteDanceV3", "https://api.openai.com/v1/chat/completions", "zego_test", "\u0000", "\ud800", "😀"),
        Arbitraries.integers().between(200, 5000).map("你"::repeat),
        Arbitraries.create(() -> agentId), Arbitraries.create(() -> instanceId));
  }

  @Provide
  Arbitrary<JsonNode> jsonBodies() {
    Arbitrary<JsonNode> any = jsonValue(3);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, jsonObject(jsonValue(3))), net.jqwik.api.Tuple.of(1, any));
  }

  private static Arbitrary<JsonNode> jsonValue(int depth) {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.just(NullNode.getInstance()),
        Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE),
        Arbitraries.longs().map(LongNode::valueOf),
        Arbitraries.of(-1L, 0L, 1L, 2L, 5L, 10L, 11L, 500L, 501L, 4294967296L).map(LongNode::valueOf),
        Arbitraries.doubles().map(DoubleNode::valueOf),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(JsonNodeFactory.instance::numberNode),
        texts().map(TextNode::valueOf));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = jsonValue(depth - 1);
    Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(l -> {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      l.forEach(a::add);
      return a;
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, array),
        net.jqwik.api.Tuple.of(2, jsonObject(child)));
  }

  private static Arbitrary<JsonNode> jsonObject(Arbitrary<JsonNode> values) {
    Arbitrary<String> names = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.of(fieldNames)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
    return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(6).map(l -> {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      l.forEach(e -> o.set(e.getKey(), e.getValue()));
      return o;
    });
  }

  /** Valid bodies, then broken: truncated, bytes flipped or inserted, invalid UTF-8, nesting, padding. */
  @Provide
  Arbitrary<byte[]> brokenBodies() {
    Arbitrary<byte[]> valid = Arbitraries.of(Bodies.agent("b1"), Bodies.instance(agentId, "b2"),
        Bodies.tts("1", "hello", ",\"Priority\":\"High\""), Bodies.id("1"), "{\"Limit\":2,\"Cursor\":\"\"}",
        "{\"AgentInstanceId\":\"1\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"hi\"}]}")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {0}, new byte[] {(byte) 0xFE, (byte) 0xFF});
    return Arbitraries.oneOf(
        Combinators.combine(valid, Arbitraries.integers().between(0, 400)).as((b, i) -> java.util.Arrays.copyOf(b, Math.min(i, b.length))),
        Combinators.combine(valid, Arbitraries.integers().between(0, 400), invalidUtf8).as((b, i, bad) -> {
          int at = Math.min(i, b.length);
          byte[] out = new byte[b.length + bad.length];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(bad, 0, out, at, bad.length);
          System.arraycopy(b, at, out, at + bad.length, b.length - at);
          return out;
        }),
        Combinators.combine(valid, Arbitraries.integers().between(0, 400), Arbitraries.bytes()).as((b, i, x) -> {
          byte[] out = b.clone();
          out[Math.min(i, out.length - 1)] = x;
          return out;
        }),
        Combinators.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"a\":", "{\"RTC\":"))
            .as((d, open) -> (open.repeat(d)).getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        Combinators.combine(valid, Arbitraries.integers().between(1, 200_000)).as((b, n) -> {
          String s = new String(b, StandardCharsets.UTF_8);
          return (s.substring(0, s.length() - 1) + ",\"Pad\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8);
        }),
        valid.map(b -> (new String(b, StandardCharsets.UTF_8) + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<Framing> framings() {
    return Arbitraries.of(Framing.class);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "post");
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(Arbitraries.of("/", "//", "/x", "/RegisterAgent", "/%zz", "/%00", "/./", "/../",
            "/_mock", "/_mockx/", "/;a", "/%2F"),
        Arbitraries.strings().withChars("abc/%._-~0123456789").ofMaxLength(40).map(s -> "/" + s),
        Arbitraries.integers().between(100, 6000).map(n -> "/" + "p".repeat(n)));
  }

  @Provide
  Arbitrary<String> controlMethods() {
    return Arbitraries.of("GET", "POST", "DELETE", "PUT", "PATCH");
  }

  @Provide
  Arbitrary<String> controlPaths() {
    return Arbitraries.oneOf(
        Arbitraries.of("health", "info", "reset", "agents", "instances", "instances/1", "instances/1/user",
            "journal", "faults", "clock", "clock/advance", "llm-reply", "qps-limit", "callbacks", "", "nope",
            "instances/%zz", "instances//user"),
        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz/-0123456789%").ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> controlBodies() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "{}", "null", "[]", "{", "{\"millis\":-1}", "{\"millis\":9223372036854775807}",
            "{\"millis\":\"x\"}", "{\"limit\":-5}", "{\"limit\":99999999999}", "{\"present\":\"maybe\"}",
            "{\"action\":\"ListAgents\",\"count\":-1}", "{\"action\":\"Nope\",\"count\":1,\"code\":1}",
            "{\"action\":\"ListAgents\",\"count\":1,\"delayMillis\":-5}", "{\"reply\":null}"),
        jsonBodies().map(JsonNode::toString));
  }
}
