package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9112 framing at the mock's HTTP front: every malformed or ambiguous request is answered
 * with the README table's status and the mock's envelope, and its connection is closed, so no
 * byte of it can run as another request; legal framing (chunk extensions, trailers, pipelining,
 * 100-continue, HEAD, HTTP/1.0) works on a kept-alive connection.
 */
class FramingTest {
  private static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(TestServers.config().build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  private static String target(String action) {
    URI u = mock.signedUri(action);
    return u.getRawPath() + "?" + u.getRawQuery();
  }

  private static String post(String action, String headers, String body) {
    return "POST " + target(action) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + body;
  }

  /** The hidden request of the smuggling attempts: it would install a fault if it ever ran. */
  private static final String HIDDEN_BODY = "{\"action\":\"ListAgents\",\"count\":5,\"code\":410001029}";
  private static final String HIDDEN = "POST /_mock/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Content-Type: application/json\r\nContent-Length: " + HIDDEN_BODY.length() + "\r\n\r\n" + HIDDEN_BODY;

  /** Sends the bytes on a fresh connection; expects a refusal with this status, then the close. */
  private static Wire.Answer refused(String raw, int status) throws IOException {
    try (Wire w = new Wire(mock.port())) {
      w.send(raw);
      Wire.Answer a = w.read();
      assertThat(a.status()).as("status for %s; body %s", raw, a.text()).isEqualTo(status);
      assertThat(a.closes()).as("Connection: close").isTrue();
      assertThat(a.code()).as("envelope Code of %s", a.text()).isEqualTo(100000012);
      assertThat(a.json().path("RequestId").asText()).matches("[0-9]+");
      assertThat(w.closedByServer()).as("connection closed after %s", raw).isTrue();
      return a;
    }
  }

  /** The server is still healthy and nothing hidden ran: no fault installed, ListAgents answers 0. */
  private static void nothingSmuggled() throws IOException {
    assertThat(mock.faults()).as("faults installed by a hidden request").isEmpty();
    try (Wire w = new Wire(mock.port())) {
      Wire.Answer a = w.send(post("ListAgents", "Content-Length: 2\r\n", "{}")).read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).isEqualTo(0);
    }
  }

  @Test
  void chunkSizeOverflowWithAHiddenRequestIsRefusedAndNothingRuns() throws IOException {
    // The attack of issue 11: 2^64-1, one byte, then a complete control request inside the body.
    refused(post("ListAgents", "Transfer-Encoding: chunked\r\n",
        "ffffffffffffffff\r\na\r\n" + HIDDEN + "\r\n0\r\n\r\n"), 400);
    nothingSmuggled();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "-1", "0x1", " 1", "1 1", ""})
  void malformedChunkSizesAreRefused(String size) throws IOException {
    refused(post("ListAgents", "Transfer-Encoding: chunked\r\n", size + "\r\n{\r\n0\r\n\r\n"), 400);
  }

  @Test
  void chunkDataLongerThanItsSizeIsRefused() throws IOException {
    refused(post("ListAgents", "Transfer-Encoding: chunked\r\n", "1\r\n{}\r\n0\r\n\r\n" + HIDDEN), 400);
    nothingSmuggled();
  }

  @Test
  void bareLineFeedInAChunkExtensionIsRefused() throws IOException {
    refused(post("ListAgents", "Transfer-Encoding: chunked\r\n", "2;a\nb\r\n{}\r\n0\r\n\r\n"), 400);
  }

  @Test
  void contentLengthPlusTransferEncodingIsRefusedWhicheverComesFirst() throws IOException {
    // CL.TE and TE.CL: a front and a back end reading different lengths is how smuggling works.
    refused(post("ListAgents", "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
        "0\r\n\r\n" + HIDDEN), 400);
    refused(post("ListAgents", "Transfer-Encoding: chunked\r\nContent-Length: 300\r\n",
        "2\r\n{}\r\n0\r\n\r\n" + HIDDEN), 400);
    nothingSmuggled();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+2", "-2", "2, 2", "0x2", "2 2", "", "99999999999999999999"})
  void laxContentLengthsAreRefused(String value) throws IOException {
    refused(post("ListAgents", "Content-Length: " + value + "\r\n", "{}"), 400);
  }

  @Test
  void twoContentLengthsAreRefusedEvenWhenEqual() throws IOException {
    refused(post("ListAgents", "Content-Length: 2\r\nContent-Length: 2\r\n", "{}"), 400);
    refused(post("ListAgents", "Content-Length: 2\r\nContent-Length: 3\r\n", "{}x"), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip, chunked", "chunked, chunked", "xchunked", "identity", "chunked\r\nTransfer-Encoding: chunked"})
  void transferCodingsOtherThanChunkedAreRefused(String te) throws IOException {
    refused(post("ListAgents", "Transfer-Encoding: " + te + "\r\n", "2\r\n{}\r\n0\r\n\r\n"), 400);
  }

  @Test
  void transferEncodingInHttp10IsRefused() throws IOException {
    refused("POST " + target("ListAgents") + " HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400);
  }

  @Test
  void hostMustBeThereOnceAndWellFormed() throws IOException {
    refused("POST " + target("ListAgents") + " HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", 400);
    refused(post("ListAgents", "Host: other\r\nContent-Length: 2\r\n", "{}"), 400);
    refused("POST " + target("ListAgents") + " HTTP/1.1\r\nHost: a b\r\nContent-Length: 2\r\n\r\n{}", 400);
    // HTTP/1.0 needs no Host.
    try (Wire w = new Wire(mock.port())) {
      Wire.Answer a = w.send("POST " + target("ListAgents") + " HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}").read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).isZero();
    }
  }

  @Test
  void laxHeaderLinesAreRefused() throws IOException {
    refused(post("ListAgents", "X-A: a\r\n b\r\nContent-Length: 2\r\n", "{}"), 400);    // obs-fold
    refused(post("ListAgents", "X-A: a\r\n\tb\r\nContent-Length: 2\r\n", "{}"), 400);   // obs-fold, tab
    refused(post("ListAgents", "X-A: a\0b\r\nContent-Length: 2\r\n", "{}"), 400);      // NUL in a value
    refused(post("ListAgents", "X-\0A: a\r\nContent-Length: 2\r\n", "{}"), 400);       // NUL in a name
    refused(post("ListAgents", "X-A: a\rb\r\nContent-Length: 2\r\n", "{}"), 400);      // bare CR
    refused(post("ListAgents", "Content-Length : 2\r\n", "{}"), 400);                  // space before colon
    refused("POST " + target("ListAgents") + " HTTP/1.1\nHost: x\nContent-Length: 2\n\n{}", 400); // bare LF
    refused(post("ListAgents", "X(A): 1\r\nContent-Length: 2\r\n", "{}"), 400);        // not a token
  }

  @Test
  void onlyHttp10And11AreServed() throws IOException {
    refused("POST " + target("ListAgents") + " HTTP/1.2\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 400);
    refused("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400);
    refused("POST " + target("ListAgents") + " HTTP/1\r\nHost: x\r\n\r\n", 400);
  }

  @Test
  void targetsWithBytesOutsideVisibleAsciiAreRefused() throws IOException {
    refused("POST /?Action=List\u00e9Agents HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 400);
    refused("POST /?Action=List\u0001Agents HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 400);
  }

  @Test
  void tooLongRequestLineAndHeadersGet414And431() throws IOException {
    int line = MockServerConfig.builder().build().http().maxRequestLineBytes();
    refused("POST /?x=" + "a".repeat(line) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 414);
    int headers = MockServerConfig.builder().build().http().maxHeaderBytes();
    refused(post("ListAgents", "X-Big: " + "b".repeat(headers) + "\r\nContent-Length: 2\r\n", "{}"), 431);
  }

  @Test
  void expectationsOther100ContinueGet417() throws IOException {
    refused(post("ListAgents", "Expect: something\r\nContent-Length: 2\r\n", "{}"), 417);
  }

  @Test
  void expect100ContinueGetsAnInterimAnswer() throws IOException {
    try (Wire w = new Wire(mock.port())) {
      w.send("POST " + target("ListAgents") + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
      assertThat(w.readHead().status()).isEqualTo(100);
      Wire.Answer a = w.send("{}").read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).isZero();
    }
  }

  @Test
  void chunkExtensionsAndTrailersAreLegalAndKeepTheConnection() throws IOException {
    try (Wire w = new Wire(mock.port())) {
      Wire.Answer a = w.send(post("ListAgents", "Transfer-Encoding: chunked\r\n",
          "1;name=value;quoted=\"a b\"\r\n{\r\n1;ext\r\n}\r\n0\r\nX-Trailer: 1\r\nX-Other: two\r\n\r\n")).read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).as(a.text()).isZero();
      assertThat(a.closes()).isFalse();
      // Same connection, next request: the first one's framing was consumed exactly.
      Wire.Answer b = w.send(post("ListAgents", "Content-Length: 2\r\n", "{}")).read();
      assertThat(b.code()).isZero();
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    mock.addFault(new io.github.zegoaiagent.mock.control.model.Fault().action("QueryAgents").code(410001029));
    try (Wire w = new Wire(mock.port())) {
      w.send(post("QueryAgents", "Content-Length: 18\r\n", "{\"AgentIds\":[\"a\"]}")
          + post("ListAgents", "Content-Length: 2\r\n", "{}"));
      assertThat(w.read().code()).isEqualTo(410001029);
      assertThat(w.read().code()).isZero();
    }
  }

  @Test
  void aFramingErrorAfterAGoodRequestClosesTheConnection() throws IOException {
    try (Wire w = new Wire(mock.port())) {
      w.send(post("ListAgents", "Content-Length: 2\r\n", "{}")
          + post("ListAgents", "Transfer-Encoding: chunked\r\n", "zz\r\n" + HIDDEN));
      assertThat(w.read().code()).isZero();
      Wire.Answer bad = w.read();
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.closes()).isTrue();
      assertThat(w.closedByServer()).isTrue();
    }
    nothingSmuggled();
  }

  @Test
  void headGetsHeadersOnlyAndKeepsTheConnection() throws IOException {
    try (Wire w = new Wire(mock.port())) {
      Wire.Answer h = w.send("HEAD " + target("ListAgents") + " HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
      assertThat(h.status()).isEqualTo(200);
      assertThat(Integer.parseInt(h.headers().get("content-length"))).isPositive();
      Wire.Answer a = w.send(post("ListAgents", "Content-Length: 2\r\n", "{}")).read();
      assertThat(a.code()).isZero();
    }
  }

  @Test
  void absoluteFormTargetsAreServed() throws IOException {
    try (Wire w = new Wire(mock.port())) {
      Wire.Answer a = w.send("POST http://127.0.0.1:" + mock.port() + target("ListAgents")
          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}").read();
      assertThat(a.code()).isZero();
    }
  }

  @Test
  void aBodyOverTheCapIsAnsweredAfterTheGatewayAndTheConnectionCloses() throws IOException {
    int cap = mock.config().http().maxBodyBytes();
    try (Wire w = new Wire(mock.port())) {
      w.send(post("ListAgents", "Content-Length: " + (cap + 1) + "\r\n", ""));
      Wire.Answer a = w.read();
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).isEqualTo(100000012);
      assertThat(a.closes()).isTrue();
      assertThat(w.closedByServer()).isTrue();
    }
    byte[] big = new byte[cap + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    try (Wire w = new Wire(mock.port())) {
      w.send(post("ListAgents", "Transfer-Encoding: chunked\r\n", Integer.toHexString(big.length) + "\r\n"));
      w.send(big);
      Wire.Answer a = w.read();
      assertThat(a.code()).isEqualTo(100000012);
      assertThat(w.closedByServer()).isTrue();
    }
  }

  @Test
  void controlApiFramingErrorsAreRefusedTheSameWay() throws IOException {
    refused("POST /_mock/faults HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "ffffffffffffffff\r\n{}\r\n0\r\n\r\n", 400);
    nothingSmuggled();
  }
}
