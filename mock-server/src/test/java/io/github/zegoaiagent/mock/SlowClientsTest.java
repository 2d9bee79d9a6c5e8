package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of slow or silent connections cost the mock nothing but their own sockets: a normal
 * client is answered, API and {@code /_mock/}, while they are open, and every one of them is
 * closed by its timeout (a request that had started gets HTTP 408 first). The server runs ONE
 * event loop, so a single blocked thread would show. Nothing here measures speed: the timeouts
 * are behaviour, the waits are hang detectors.
 */
class SlowClientsTest {
  private static final int EACH = 256;
  private MockServer mock;
  private final List<Socket> sockets = new ArrayList<>();
  private ScheduledExecutorService drip;

  @BeforeEach
  void start() {
    mock = MockServer.start(TestServers.config().threads(1)
        .headerTimeout(Duration.ofSeconds(4)).bodyTimeout(Duration.ofSeconds(4))
            .idleTimeout(Duration.ofSeconds(5))
        .build());
  }

  @AfterEach
  void stop() throws IOException {
    if (drip != null) {
      drip.shutdownNow();
    }
    for (Socket s : sockets) {
      s.close();
    }
    mock.close();
  }

  private Socket open() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", mock.port()), 10_000);
    s.setSoTimeout(60_000); // hang detector
    sockets.add(s);
    return s;
  }

  @Test
  void stalledConnectionsNeitherStarveOthersNorStayOpen() throws Exception {
    List<Socket> silent = new ArrayList<>();
    List<Socket> slowHead = new ArrayList<>();
    List<Socket> slowBody = new ArrayList<>();
    URI signed = mock.signedUri("ListAgents");
    String target = signed.getRawPath() + "?" + signed.getRawQuery();
    for (int i = 0; i < EACH; i++) {
      silent.add(open());
      Socket h = open();
      h.getOutputStream().write("POST / HTT".getBytes(StandardCharsets.US_ASCII));
      slowHead.add(h);
      Socket b = open();
      b.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":")
          .getBytes(StandardCharsets.US_ASCII));
      slowBody.add(b);
    }
    // The slow heads keep dripping a byte per second each: activity must not extend the deadline.
    drip = Executors.newSingleThreadScheduledExecutor();
    drip.scheduleAtFixedRate(() -> {
      for (Socket s : slowHead) {
        try {
          s.getOutputStream().write('X');
        } catch (IOException closed) {
          // the server gave up on it: expected once its deadline passed
        }
      }
    }, 1, 1, TimeUnit.SECONDS);

    // While all 768 are open, a normal client gets its answers: the API and the control API.
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(mock.signedUri("ListAgents"))
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(RawApi.JSON.readTree(r.body()).path("Code").asInt()).isZero();
      HttpResponse<String> h = client.send(HttpRequest.newBuilder(mock.baseUrl().resolve("/_mock/health"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(h.statusCode()).isEqualTo(200);
    }
    // The answers above came while the stalled connections were still open (their deadlines are
    // seconds away); the front counts them.
    assertThat(mock.openConnections()).isGreaterThanOrEqualTo(3 * EACH);

    // Every stalled connection is then closed by the server: silent ones without a word, the
    // ones that started a request with HTTP 408 and the envelope.
    for (Socket s : silent) {
      assertThat(readAll(s)).as("a silent connection is closed without an answer").isEmpty();
    }
    for (Socket s : slowHead) {
      assertThat(readAll(s)).as("slow head").startsWith("HTTP/1.1 408 ").contains("\"Code\":100000012")
          .contains("headerTimeout");
    }
    for (Socket s : slowBody) {
      assertThat(readAll(s)).as("slow body").startsWith("HTTP/1.1 408 ").contains("bodyTimeout");
    }
    drip.shutdownNow();
    // Nothing the mock journals came from them: none of these requests reached the pipeline.
    assertThat(mock.journal()).allMatch(e -> "ListAgents".equals(e.getAction()));
  }

  /** Reads until the server closes (end of stream or reset); the socket's read timeout is the hang detector. */
  private static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // closed by the server while we were still sending: what was read stands
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
