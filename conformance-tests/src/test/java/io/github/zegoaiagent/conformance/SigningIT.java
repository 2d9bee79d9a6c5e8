package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the client sends, for every action, captured by a plain local HTTP server: 16 lowercase hex
 * nonce, Timestamp in seconds, Signature = lowercase hex MD5(AppId + nonce + secret + Timestamp),
 * SignatureVersion 2.0, one value each.
 */
@ExtendWith(ReportExtension.class)
class SigningIT {

  private static final long APP_ID = 3141592653L;
  private static final String SECRET = "signing-it-secret-0123456789abcdef";
  private static final AtomicReference<String> LAST_QUERY = new AtomicReference<>();
  private static HttpServer capture;
  private static ZegoAiAgentClient client;

  @BeforeAll
  static void start() throws IOException {
    capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    capture.createContext("/", exchange -> {
      LAST_QUERY.set(exchange.getRequestURI().getRawQuery());
      exchange.getRequestBody().readAllBytes();
      String action = query(exchange.getRequestURI().getRawQuery()).get("Action");
      byte[] body = SPEC.operation(action).at("/responses/200/content/application~1json/examples").elements().next()
          .path("value").toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    capture.start();
    client = ZegoAiAgentClient.builder().appId(APP_ID).serverSecret(SECRET)
        .endpoint(URI.create("http://127.0.0.1:" + capture.getAddress().getPort())).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    capture.stop(0);
  }

  static Stream<ActionCatalog.Entry> actions() {
    return ActionCatalog.ACTIONS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void sendsTheDocumentedSignedParameters(ActionCatalog.Entry entry) throws Exception {
    Report.cover(entry.action(), "signing");
    Object request = new ObjectMapper().treeToValue(SPEC.requestExample(entry.action()), entry.requestType());
    long before = System.currentTimeMillis() / 1000;
    try {
      client.call(entry.action(), request);
    } catch (RuntimeException ignored) {
      // the first example answer may be an error example; only the request matters here
    }
    long after = System.currentTimeMillis() / 1000;
    String raw = LAST_QUERY.get();
    Map<String, String> q = query(raw);
    assertThat(q.get("Action")).isEqualTo(entry.action());
    assertThat(q.get("AppId")).isEqualTo(Long.toString(APP_ID));
    assertThat(q.get("SignatureNonce")).matches("[0-9a-f]{16}");
    assertThat(Long.parseLong(q.get("Timestamp"))).as("Unix seconds").isBetween(before, after);
    assertThat(q.get("Signature")).matches("[0-9a-f]{32}")
        .isEqualTo(RequestSigner.signature(APP_ID, q.get("SignatureNonce"), SECRET, Long.parseLong(q.get("Timestamp"))));
    assertThat(q.get("SignatureVersion")).isEqualTo("2.0");
    for (String name : new String[] {"Action", "AppId", "SignatureNonce", "Timestamp", "Signature", "SignatureVersion"}) {
      assertThat(raw.split("&")).filteredOn(p -> p.startsWith(name + "=")).as(name + " once").hasSize(1);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
