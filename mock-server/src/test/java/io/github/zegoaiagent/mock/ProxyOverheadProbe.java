package io.github.zegoaiagent.mock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the validating proxy costs (not a test): the checks of one exchange on their own
 * ({@link DriftDetector}), then sequential round trips of a signed QueryAgentInstanceStatus to the
 * mock directly and through a proxy in front of it, in the same JVM, median and p99. Run with
 * {@code java -cp target/test-classes:target/classes:<deps> io.github.zegoaiagent.mock.ProxyOverheadProbe [n]}.
 */
public final class ProxyOverheadProbe {
  private ProxyOverheadProbe() {
  }

  public static void main(String[] args) throws Exception {
    int n = Math.min(args.length > 0 ? Integer.parseInt(args[0]) : 2000, 100_000);
    try (MockServer mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
         MockServer proxy = MockServer.start(MockServerConfig.builder().proxy(mock.baseUrl()).build())) {
      RawApi api = new RawApi(mock);
      api.ok("RegisterAgent", Bodies.agent("probe"));
      String id = api.ok("CreateAgentInstance", Bodies.instance("probe", "1")).path("AgentInstanceId").asText();
      byte[] body = Bodies.id(id).getBytes(StandardCharsets.UTF_8);
      byte[] answer = ("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\",\"Data\":{\"Status\":\"IDLE\"}}")
          .getBytes(StandardCharsets.UTF_8);
      byte[] create = Bodies.instance("probe", "2", ",\"LLM\":null,\"AdvancedConfig\":{\"CommunicationMode\":2}")
          .getBytes(StandardCharsets.UTF_8);
      byte[] created = "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"2\",\"Data\":{\"AgentInstanceId\":\"9\"}}"
          .getBytes(StandardCharsets.UTF_8);
      DriftDetector d = DriftDetector.create();
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n * 10; i++) {
          d.exchange("QueryAgentInstanceStatus", body, 200, answer);
          d.exchange("CreateAgentInstance", create, 200, created);
        }
        System.out.printf("checks: %.1f µs per exchange (QueryAgentInstanceStatus + CreateAgentInstance, round %d)%n",
            (System.nanoTime() - t0) / 1e3 / (n * 20.0), round);
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int round = 0; round < 3; round++) {
        for (URI base : new URI[] {mock.baseUrl(), proxy.baseUrl()}) {
          long[] t = new long[n];
          for (int i = 0; i < n; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + "?" + api.signedQuery("QueryAgentInstanceStatus")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long s = System.nanoTime();
            http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            t[i] = System.nanoTime() - s;
          }
          Arrays.sort(t);
          System.out.printf("%s: median %.2f ms, p99 %.2f ms (%d sequential requests, round %d)%n",
              base.equals(mock.baseUrl()) ? "direct " : "proxied", t[n / 2] / 1e6, t[n * 99 / 100] / 1e6, n, round);
        }
      }
    }
  }
}
