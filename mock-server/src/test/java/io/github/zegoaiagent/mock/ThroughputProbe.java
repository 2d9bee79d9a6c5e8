package io.github.zegoaiagent.mock;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quick throughput probe (not a test): N keep-alive connections on loopback, each sending a fixed
 * number of signed requests through the full pipeline, then prints requests per second. Bounded
 * in count; run with
 * {@code java -cp target/test-classes:target/classes:<deps> io.github.zegoaiagent.mock.ThroughputProbe [connections] [requestsPerConnection] [action]}.
 */
public final class ThroughputProbe {
  private ThroughputProbe() {
  }

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int perConnection = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 20_000, 200_000);
    String action = args.length > 2 ? args[2] : "QueryAgentInstanceStatus";
    try (MockServer server = MockServer.start(MockServerConfig.builder().qpsLimit(0).journalSize(1000).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", Bodies.agent("bench"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("bench", "1")).path("AgentInstanceId").asText();
      String body = action.equals("ListAgents") ? "{}" : Bodies.id(id);
      // Lenient nonce mode: one signed query may be reused while its Timestamp is fresh.
      String query = api.signedQuery(action);
      byte[] req = ("POST /?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.UTF_8);
      for (int round = 0; round < 2; round++) { // first round warms up the JIT
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < connections; c++) {
          Thread t = new Thread(() -> {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
              s.setTcpNoDelay(true);
              OutputStream out = s.getOutputStream();
              InputStream in = new BufferedInputStream(s.getInputStream());
              for (int i = 0; i < perConnection; i++) {
                out.write(req);
                out.flush();
                if (!readResponse(in)) {
                  failures.incrementAndGet();
                }
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          });
          threads.add(t);
          t.start();
        }
        for (Thread t : threads) {
          t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long total = (long) connections * perConnection;
        System.out.printf("%s %s: %d requests on %d connections in %.2f s = %.0f req/s (failures %d)%n",
            round == 0 ? "warm-up" : "measured", action, total, connections, secs, total / secs, failures.get());
      }
    }
  }

  /** Reads one HTTP/1.1 response with Content-Length; true if it carried Code 0. */
  private static boolean readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String h = head.toString().toLowerCase(java.util.Locale.ROOT);
    int i = h.indexOf("content-length:");
    int len = Integer.parseInt(h.substring(i + 15, h.indexOf("\r\n", i)).trim());
    byte[] body = in.readNBytes(len);
    return h.startsWith("http/1.1 200") && new String(body, StandardCharsets.UTF_8).contains("\"Code\":0");
  }
}
