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
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the mock's HTTP surface with seeded random cases ({@link Gen}): random and mutated query
 * strings, random JSON of wrong types, broken bytes (invalid JSON, invalid UTF-8, deep nesting,
 * long strings), odd HTTP framing and the control API. Every API answer must be HTTP 200 with the
 * envelope and a Code from the contract's {@code x-zego-return-codes} (never 410000001, the mock's
 * "bug" code); every control answer one of its documented statuses.
 *
 * <p>Each fuzz test runs {@code reliability.fuzzTries} cases (see RELIABILITY.md). Case seeds
 * derive from the base seed {@code reliability.fuzzSeed}; a failure names the test, the case, its
 * seed and its inputs, and {@code -Dreliability.fuzzCaseSeed=<seed>} replays that one case.
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong EXCHANGES = new AtomicLong();
  private static final Set<Integer> SEEN = new ConcurrentSkipListSet<>();
  private static final Map<String, Integer> CASES_PASSED = new ConcurrentSkipListMap<>();
  private static final int MIB = 1024 * 1024;
  private static final int TRIES = Integer.getInteger("reliability.fuzzTries", 60);
  private static final long SEED = Long.getLong("reliability.fuzzSeed", 20_260_101L);
  private static final Long CASE_SEED = Long.getLong("reliability.fuzzCaseSeed");

  static MockServer server;
  static MockServer controlServer;
  static RawApi api;
  static Set<Integer> documented;
  static List<String> fieldNames;
  static List<String> actions;
  static String agentId = "fuzz_agent";
  static String instanceId;

  @BeforeAll
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

  @AfterAll
  static void stop() {
    System.out.printf("HttpFuzzTest: fuzz cases passed %s (base seed %d), %d HTTP exchanges, Codes seen %s%n",
        CASES_PASSED, SEED, EXCHANGES.get(), SEEN);
    assertThat(server.journal()).noneMatch(e -> e.getCode() == 410000001);
    server.close();
    controlServer.close();
  }

  // ---- fuzz tests -------------------------------------------------------------------------

  @Test
  void randomQueryStrings() {
    forAll("randomQueryStrings", c -> {
      String query = c.draw("query", randomQueries());
      String body = c.draw("body", bodies());
      api("POST", "/?" + query, body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH);
    });
  }

  @Test
  void mutatedSignedQueries() {
    forAll("mutatedSignedQueries", c -> {
      String action = c.draw("action", Gen.of(actions));
      List<Mutation> mutations = c.draw("mutations", mutations());
      String body = c.draw("body", bodies());
      List<String[]> params = new ArrayList<>();
      for (String pair : api.signedQuery(action).split("&")) {
        params.add(pair.split("=", 2));
      }
      mutations.forEach(m -> m.apply(params));
      StringBuilder q = new StringBuilder();
      params.forEach(p -> q.append(q.length() == 0 ? "" : "&").append(p[0]).append(p.length > 1 ? "=" + p[1] : ""));
      api("POST", "/?" + q, body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH);
    });
  }

  @Test
  void randomJsonOfWrongTypes() {
    forAll("randomJsonOfWrongTypes", c -> {
      String action = c.draw("action", Gen.of(actions));
      JsonNode body = c.draw("body", jsonBodies());
      int code = api("POST", "/?" + api.signedQuery(action), body.toString().getBytes(StandardCharsets.UTF_8),
          Framing.CONTENT_LENGTH);
      assertThat(code == 0 || RawApi.allowed(action, code)).as("Code %s not listed for %s", code, action).isTrue();
    });
  }

  @Test
  void brokenBytes() {
    forAll("brokenBytes", c -> {
      String action = c.draw("action", Gen.of(actions));
      byte[] body = c.draw("body", brokenBodies());
      Framing framing = c.draw("framing", Gen.of(Framing.values()));
      int code = api("POST", "/?" + api.signedQuery(action), body, framing);
      assertThat(code == 0 || RawApi.allowed(action, code)).as("Code %s not listed for %s", code, action).isTrue();
    });
  }

  @Test
  void oddMethodsPathsAndFraming() {
    forAll("oddMethodsPathsAndFraming", c -> {
      String method = c.draw("method", Gen.of("POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "post"));
      String path = c.draw("path", paths());
      Framing framing = c.draw("framing", Gen.of(Framing.values()));
      String body = c.draw("body", bodies());
      api(method, path + "?" + api.signedQuery("ListAgents"), body.getBytes(StandardCharsets.UTF_8), framing);
    });
  }

  @Test
  void controlApiNeverFails() {
    forAll("controlApiNeverFails", c -> {
      String method = c.draw("method", Gen.of("GET", "POST", "DELETE", "PUT", "PATCH"));
      String path = c.draw("path", controlPaths());
      String body = c.draw("body", controlBodies());
      RawHttp.Response r = RawHttp.exchange(controlServer.port(), RawHttp.request(method,
          ("/_mock/" + path).getBytes(StandardCharsets.ISO_8859_1), List.of("Content-Type: application/json"),
          body.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH));
      EXCHANGES.incrementAndGet();
      int refused = FrontRules.refusal(method, ("/_mock/" + path).getBytes(StandardCharsets.ISO_8859_1));
      if (refused != 0) {
        assertFrontRefusal(r, refused, method + " /_mock/" + path);
        return;
      }
      // README "HTTP control API": 200, 400 bad input, 403, 404, 405; a 500 (a bug) fails here.
      assertThat(r.status()).as("%s /_mock/%s %s", method, path, body).isIn(200, 400, 403, 404, 405);
      assertThat(JSON.readTree(r.body()).isContainerNode()).as("JSON answer of %s /_mock/%s", method, path).isTrue();
    });
  }

  // ---- the case runner ----------------------------------------------------------------------

  /** One fuzz case: draws its inputs from its own seeded {@link Random} and keeps them for the report. */
  static final class Case {
    private final Random random;
    private final List<String> inputs = new ArrayList<>();

    Case(long seed) {
      random = new Random(seed);
    }

    <T> T draw(String name, Gen<T> gen) {
      T value = gen.next(random);
      inputs.add(name + "=" + show(value));
      return value;
    }
  }

  /** The body of a fuzz test, run once per case. */
  interface Check {
    void run(Case c) throws Exception;
  }

  /**
   * Runs {@link #TRIES} cases (or only the case {@code reliability.fuzzCaseSeed}), each with a seed
   * derived from the base seed and the test's name; throws on the first failing case, naming it.
   */
  static void forAll(String test, Check check) {
    SplittableRandom seeds = new SplittableRandom(SEED ^ test.hashCode());
    int tries = CASE_SEED == null ? TRIES : 1;
    for (int i = 1; i <= tries; i++) {
      long seed = CASE_SEED == null ? seeds.nextLong() : CASE_SEED;
      Case c = new Case(seed);
      try {
        check.run(c);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(String.format("%s: case %d of %d failed, seed %d (base seed %d; replay it with"
            + " -Dreliability.fuzzCaseSeed=%d)%n  inputs: %s%n  %s", test, i, tries, seed, SEED, seed,
            String.join(", ", c.inputs), e), e);
      }
      CASES_PASSED.merge(test, 1, Integer::sum);
    }
  }

  /** A generated value for a failure message: control characters and surrogates escaped, clipped. */
  private static String show(Object value) {
    boolean bytes = value instanceof byte[];
    String s = bytes ? new String((byte[]) value, StandardCharsets.ISO_8859_1) : String.valueOf(value);
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < s.length() && out.length() < 300; i++) {
      char ch = s.charAt(i);
      boolean plain = ch >= 0x20 && ch < 0x7F || !bytes && ch > 0x9F && !Character.isSurrogate(ch);
      out.append(plain ? String.valueOf(ch) : String.format(bytes ? "\\x%02X" : "\\u%04X", (int) ch));
    }
    return i == s.length() ? out.toString() : out + "... (" + s.length() + (bytes ? " bytes)" : " chars)");
  }

  // ---- fixed cases: sizes too costly for every try ---------------------------------------

  @Test
  void tenMegabyteBodiesAreRefusedWithTheDocumentedCode() throws IOException {
    byte[] big = ("{\"AgentId\":\"" + "a".repeat(10 * MIB) + "\"}").getBytes(StandardCharsets.UTF_8);
    for (Framing f : List.of(Framing.CONTENT_LENGTH, Framing.CHUNKED)) {
      // README: a body larger than maxBodyBytes answers 100000012 (after the gateway checks).
      assertThat(api("POST", "/?" + api.signedQuery("RegisterAgent"), big, f)).as("%s", f).isEqualTo(100000012);
      // Unsigned: the gateway answers first, still with an envelope.
      assertThat(api("POST", "/?Action=RegisterAgent", big, f)).isEqualTo(100000001);
    }
    assertThat(server.agents()).noneMatch(a -> a.getAgentId().length() > 1000);
  }

  @Test
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

  @Test
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
    EXCHANGES.incrementAndGet();
    int refused = FrontRules.refusal(method, target);
    if (refused != 0) {
      // The front refuses it before the pipeline (mock-server README, "Every answer").
      assertFrontRefusal(r, refused, what);
      SEEN.add(-refused);
      return -refused;
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

  /** A front refusal: the table's status, the envelope with 100000012, and the connection closed. */
  private static void assertFrontRefusal(RawHttp.Response r, int status, String what) {
    assertThat(r.status()).as("HTTP status of %s", what).isEqualTo(status);
    assertThat(r.headers().get("connection")).as("Connection header of %s", what).isEqualToIgnoringCase("close");
    JsonNode n;
    try {
      n = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.text() + " for " + what, e);
    }
    assertThat(n.path("Code").asInt()).as("envelope %s for %s", n, what).isEqualTo(100000012);
    assertThat(n.path("RequestId").asText()).matches("[0-9]+");
  }

  // ---- generators ---------------------------------------------------------------------------

  /** Text that ends up percent-encoded or raw in a query: unicode, escapes good and bad, long. */
  private static Gen<String> queryText() {
    return Gen.oneOf(
        Gen.strings(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)),
        Gen.stringsOf("%&=+;#?/0123456789abcdefABCDEFzZ.-_", 0, 20),
        Gen.of("%", "%z", "%zz", "%FF", "%C3%28", "%ED%A0%80", "%00", "%F0%9F", "%E4%BD", "+", "%2B", "%26",
            "1234567890", "4294967296", "-1", "2.0", "1e3", "0x10", "99999999999999999999"),
        Gen.ints(100, 20_000).map("A"::repeat));
  }

  private static Gen<String> randomQueries() {
    Gen<String> name = Gen.oneOf(Gen.of("Action", "AppId", "SignatureNonce", "Timestamp",
        "Signature", "SignatureVersion", "action", "APPID"), queryText());
    Gen<String> value = queryText();
    Gen<String> eqs = Gen.of("=", "", "==");
    Gen<String> pair = r -> {
      String n = name.next(r);
      String v = value.next(r);
      String eq = eqs.next(r);
      return eq.isEmpty() ? n : n + eq + v;
    };
    return pair.list(0, 12).map(l -> String.join("&", l));
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

  private static Gen<List<Mutation>> mutations() {
    Gen<String> kinds = Gen.of("drop", "duplicateBefore", "duplicateAfter", "replace", "add", "reverse");
    Gen<Integer> indexes = Gen.ints(0, 5);
    Gen<String> values = queryText();
    Gen<Mutation> mutation = r -> new Mutation(kinds.next(r), indexes.next(r), values.next(r));
    return mutation.list(1, 3);
  }

  private static Gen<String> bodies() {
    return Gen.oneOf(Gen.of("{}", Bodies.agent("q1"), Bodies.id("1"), "", "null", "[", "{\"Limit\":3}"),
        jsonBodies().map(JsonNode::toString));
  }

  private static Gen<String> texts() {
    return Gen.oneOf(
        Gen.strings(40),
        Gen.stringsOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.@#", 1, 70),
        Gen.of("", " ", "High", "Low", "Medium", "Urgent", "Enqueue", "ClearAndInterrupt", "user", "assistant",
            "ByteDanceV3", "https://api.openai.com/v1/chat/completions", "zego_test", "\u0000", "\ud800", "😀"),
        Gen.ints(200, 5000).map("你"::repeat),
        r -> agentId, r -> instanceId);
  }

  private static Gen<JsonNode> jsonBodies() {
    return Gen.weighted(9, jsonObject(jsonValue(3)), 1, jsonValue(3));
  }

  private static Gen<JsonNode> jsonValue(int depth) {
    BigInteger bound = BigInteger.TEN.pow(30);
    BigInteger span = bound.shiftLeft(1).add(BigInteger.ONE);
    Gen<JsonNode> leaf = Gen.oneOf(
        r -> NullNode.getInstance(),
        Gen.of(BooleanNode.TRUE, BooleanNode.FALSE),
        r -> LongNode.valueOf(r.nextLong()),
        Gen.of(-1L, 0L, 1L, 2L, 5L, 10L, 11L, 500L, 501L, 4294967296L).map(LongNode::valueOf),
        // Finite doubles: two decimals around zero, or any magnitude up to Double.MAX_VALUE.
        r -> DoubleNode.valueOf(r.nextBoolean() ? r.nextInt(-1_000_000, 1_000_001) / 100.0
            : Math.scalb(r.nextDouble() * 2 - 1, r.nextInt(1024))),
        r -> JsonNodeFactory.instance.numberNode(new BigInteger(span.bitLength() + 8, r).mod(span).subtract(bound)),
        texts().map(TextNode::valueOf));
    if (depth == 0) {
      return leaf;
    }
    Gen<JsonNode> child = jsonValue(depth - 1);
    Gen<JsonNode> array = child.list(0, 4).map(l -> {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      l.forEach(a::add);
      return a;
    });
    return Gen.weighted(4, leaf, 3, Gen.weighted(1, array, 2, jsonObject(child)));
  }

  private static Gen<JsonNode> jsonObject(Gen<JsonNode> values) {
    Gen<String> names = Gen.weighted(9, Gen.of(fieldNames), 1, Gen.strings(10));
    Gen<Map.Entry<String, JsonNode>> field = r -> Map.entry(names.next(r), values.next(r));
    return field.list(0, 6).map(l -> {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      l.forEach(e -> o.set(e.getKey(), e.getValue()));
      return o;
    });
  }

  /** Valid bodies, then broken: truncated, bytes flipped or inserted, invalid UTF-8, nesting, padding. */
  private static Gen<byte[]> brokenBodies() {
    Gen<byte[]> valid = Gen.of(Bodies.agent("b1"), Bodies.instance(agentId, "b2"),
        Bodies.tts("1", "hello", ",\"Priority\":\"High\""), Bodies.id("1"), "{\"Limit\":2,\"Cursor\":\"\"}",
        "{\"AgentInstanceId\":\"1\",\"Messages\":[{\"Role\":\"user\",\"Content\":\"hi\"}]}")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Gen<byte[]> invalidUtf8 = Gen.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {0}, new byte[] {(byte) 0xFE, (byte) 0xFF});
    Gen<Integer> at = Gen.ints(0, 400);
    return Gen.oneOf(
        r -> {
          byte[] b = valid.next(r);
          return Arrays.copyOf(b, Math.min(at.next(r), b.length));
        },
        r -> {
          byte[] b = valid.next(r);
          int i = Math.min(at.next(r), b.length);
          byte[] bad = invalidUtf8.next(r);
          byte[] out = new byte[b.length + bad.length];
          System.arraycopy(b, 0, out, 0, i);
          System.arraycopy(bad, 0, out, i, bad.length);
          System.arraycopy(b, i, out, i + bad.length, b.length - i);
          return out;
        },
        r -> {
          byte[] out = valid.next(r).clone();
          out[Math.min(at.next(r), out.length - 1)] = (byte) r.nextInt();
          return out;
        },
        r -> {
          int depth = r.nextInt(1, 3001);
          return Gen.of("[", "{\"a\":", "{\"RTC\":").next(r).repeat(depth).getBytes(StandardCharsets.UTF_8);
        },
        r -> {
          byte[] out = new byte[r.nextInt(0, 301)];
          r.nextBytes(out);
          return out;
        },
        r -> {
          String s = new String(valid.next(r), StandardCharsets.UTF_8);
          int n = r.nextInt(1, 200_001);
          return (s.substring(0, s.length() - 1) + ",\"Pad\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8);
        },
        valid.map(b -> (new String(b, StandardCharsets.UTF_8) + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
  }

  private static Gen<String> paths() {
    return Gen.oneOf(Gen.of("/", "//", "/x", "/RegisterAgent", "/%zz", "/%00", "/./", "/../",
            "/_mock", "/_mockx/", "/;a", "/%2F"),
        Gen.stringsOf("abc/%._-~0123456789", 0, 40).map(s -> "/" + s),
        Gen.ints(100, 6000).map(n -> "/" + "p".repeat(n)));
  }

  private static Gen<String> controlPaths() {
    return Gen.oneOf(
        Gen.of("health", "info", "reset", "agents", "instances", "instances/1", "instances/1/user",
            "journal", "faults", "clock", "clock/advance", "llm-reply", "qps-limit", "callbacks", "", "nope",
            "journal?limit=0", "journal?code=x&code=1", "journal?since=99999999999999999999", "health?x", "journal?%zz",
            "instances/%zz", "instances//user"),
        Gen.stringsOf("abcdefghijklmnopqrstuvwxyz/-0123456789%", 0, 30));
  }

  private static Gen<String> controlBodies() {
    return Gen.oneOf(
        Gen.of("", "{}", "null", "[]", "{", "{\"millis\":-1}", "{\"millis\":9223372036854775807}",
            "{\"millis\":\"x\"}", "{\"limit\":-5}", "{\"limit\":99999999999}", "{\"present\":\"maybe\"}",
            "{\"action\":\"ListAgents\",\"count\":-1}", "{\"action\":\"Nope\",\"count\":1,\"code\":1}",
            "{\"action\":\"ListAgents\",\"count\":1,\"delayMillis\":-5}", "{\"reply\":null}"),
        jsonBodies().map(JsonNode::toString));
  }
}
