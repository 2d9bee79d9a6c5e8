package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the HTTP front's framing with the seeded cases of {@link HttpFuzzTest} (same base
 * seed, same {@code reliability.fuzzTries}, same replay by case seed).
 *
 * <ul>
 *   <li>{@code mutatedHeads}: a signed request whose head gets 1–3 random lax, doubled, missing or
 *       odd lines (obs-fold, NUL, bare CR/LF, names that are not tokens, Host and
 *       Content-Length/Transfer-Encoding variants, other versions, Expect), sent twice on one
 *       connection, in random slices. Every answer is HTTP 200 with a documented Code (never
 *       410000001), or a refusal from the README table with the envelope (100000012),
 *       {@code Connection: close}, nothing after it and the connection closed.
 *   <li>{@code smugglingAttempts}: a body framed by a malformed chunk size or by conflicting
 *       lengths that carries a complete control request; it must be refused and the hidden
 *       request must never run (no fault appears).
 * </ul>
 */
class FrontFuzzTest {
  private static MockServer server;
  /** The contract's x-zego-return-codes, read independently of the mock. */
  private static java.util.Set<Integer> documented;

  @BeforeAll
  static void start() throws IOException {
    server = MockServer.start(TestServers.config().build());
    try (java.io.InputStream in = FrontFuzzTest.class.getResourceAsStream("/openapi/zego-aiagent.yaml")) {
      documented = new java.util.TreeSet<>();
      new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .readTree(in).path("x-zego-return-codes").fieldNames()
          .forEachRemaining(c -> documented.add(Integer.parseInt(c)));
    }
    assertThat(documented).isNotEmpty();
  }

  @AfterAll
  static void stop() {
    assertThat(server.journal()).noneMatch(e -> e.getCode() == 410000001);
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static String target(String action) {
    URI u = server.signedUri(action);
    return u.getRawPath() + "?" + u.getRawQuery();
  }

  private static Gen<String> oddLines() {
    return Gen.oneOf(
        Gen.of("X-A: a\r\n folded", "X-A: a\r\n\tfolded", "X-A: a\0b", "X\0: a", "X-A: a\rb", "Bad Name: 1",
            "X(A): 1", ": empty-name", "X-A : 1", "Host: second", "Host:", "Host: a b", "Host: a/b",
            "Content-Length: +2", "Content-Length: -2", "Content-Length: 2, 2", "Content-Length: 2",
            "Content-Length: 3", "Content-Length: 0x2", "Content-Length: 99999999999999999999",
            "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: identity",
            "Transfer-Encoding: xchunked", "Transfer-Encoding:", "Expect: 100-continue", "Expect: nothing",
            "Connection: close", "Connection: keep-alive", "X-Ok: fine", "x-lower: ok", "X-Sp:    padded   "),
        Gen.stringsOf("abcXYZ:- \t;=\"0123456789", 1, 40),
        Gen.ints(1, 80_000).map(n -> "X-Long: " + "v".repeat(n)));
  }

  private static Gen<String> versions() {
    return Gen.weighted(8, Gen.of("HTTP/1.1"), 2, Gen.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/1", "http/1.1", "HTTP/1.10"));
  }

  @Test
  void mutatedHeads() {
    HttpFuzzTest.forAll("mutatedHeads", c -> {
      String version = c.draw("version", versions());
      List<String> extra = c.draw("lines", oddLines().list(1, 3));
      boolean dropHost = c.draw("dropHost", Gen.weighted(1, Gen.of(true), 5, Gen.of(false)));
      int slice = c.draw("slice", Gen.ints(1, 400));
      StringBuilder one = new StringBuilder();
      for (int i = 0; i < 2; i++) {
        StringBuilder h = new StringBuilder("POST " + target("ListAgents") + " " + version + "\r\n");
        if (!dropHost) {
          h.append("Host: 127.0.0.1\r\n");
        }
        extra.forEach(l -> h.append(l).append("\r\n"));
        if (extra.stream().noneMatch(l -> l.regionMatches(true, 0, "Content-Length", 0, 14)
            || l.regionMatches(true, 0, "Transfer-Encoding", 0, 17))) {
          h.append("Content-Length: 2\r\n");
        }
        one.append(h).append("\r\n{}");
      }
      byte[] bytes = one.toString().getBytes(StandardCharsets.ISO_8859_1);
      try (Wire w = new Wire(server.port())) {
        try {
          for (int i = 0; i < bytes.length; i += slice) {
            w.send(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + slice)));
          }
          w.endOfRequests();
        } catch (IOException closedEarly) {
          // refused and closed while we were still sending: the answer is read below
        }
        checkAnswers(w);
      }
    });
  }

  private static Gen<String> badChunkSizes() {
    return Gen.oneOf(
        Gen.of("ffffffffffffffff", "10000000000000000", "7fffffffffffffff", "-1", "+1", "0x10", " 5", "5 ", "5\t",
            "", "g", "1;a\nb", "1\n", "ffffffff", "80000000", "1_0"),
        Gen.stringsOf("0123456789abcdefxyz+- ;", 17, 40));
  }

  @Test
  void smugglingAttempts() {
    HttpFuzzTest.forAll("smugglingAttempts", c -> {
      String hiddenBody = "{\"action\":\"ListAgents\",\"count\":5,\"code\":410001029}";
      String hidden = "POST /_mock/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + hiddenBody.length()
          + "\r\n\r\n" + hiddenBody;
      String kind = c.draw("kind", Gen.of("badChunkSize", "clThenTe", "teThenCl", "twoLengths"));
      String size = c.draw("size", badChunkSizes());
      String head = "POST " + target("ListAgents") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
      String raw = switch (kind) {
        case "badChunkSize" -> head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n" + hidden + "\r\n0\r\n\r\n";
        case "clThenTe" -> head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden;
        case "teThenCl" -> head + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}" + hidden;
        default -> head + "Content-Length: 2\r\nContent-Length: " + (4 + hidden.length()) + "\r\n\r\n{}" + hidden;
      };
      try (Wire w = new Wire(server.port())) {
        // Half-close: a size that happens to be valid hex (the rest read as an ignored chunk
        // extension) leaves the server waiting for the chunk, which then ends prematurely.
        w.send(raw).endOfRequests();
        Wire.Answer a = w.read();
        assertThat(a.status()).as("refusal of %s", kind).isEqualTo(400);
        assertThat(a.closes()).isTrue();
        assertThat(w.closedByServer()).isTrue();
      }
      assertThat(server.faults()).as("a hidden request ran").isEmpty();
    });
  }

  /** Answers until the server closes: 200s with documented Codes, then at most one closing refusal. */
  private static void checkAnswers(Wire w) throws IOException {
    List<Integer> statuses = new ArrayList<>();
    while (true) {
      Wire.Answer a;
      try {
        a = w.read();
      } catch (IOException closed) {
        break; // the server closed the connection: fine after any complete answer
      }
      statuses.add(a.status());
      if (a.status() == 100) {
        continue;
      }
      JsonNode n = a.json();
      assertThat(n.path("Code").isIntegralNumber()).as("envelope %s (answers so far %s)", a.text(), statuses).isTrue();
      assertThat(n.path("Code").asInt()).as("the mock's bug code").isNotEqualTo(410000001);
      if (a.status() == 200) {
        assertThat(documented).as("documented Code %s", a.text()).contains(n.path("Code").asInt());
        if (a.closes()) {
          assertThat(w.closedByServer()).isTrue();
          return;
        }
        if (statuses.size() >= 2) {
          return;
        }
        continue;
      }
      assertThat(a.status()).as("front refusal %s", a.text()).isIn(400, 414, 417, 431);
      assertThat(n.path("Code").asInt()).isEqualTo(100000012);
      assertThat(a.closes()).as("Connection: close on a refusal").isTrue();
      assertThat(w.closedByServer()).as("closed after a refusal").isTrue();
      return;
    }
    assertThat(statuses).as("at least one answer before the close").isNotEmpty();
  }
}
