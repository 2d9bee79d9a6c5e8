package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.control.LoopbackPolicy;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ServerSecret and the callback secret never leave the mock except in the start-up banner;
 * the signature check compares in constant time; the control API refuses non-loopback callers.
 */
class SecretsAndAccessTest {
  static final String SERVER_SECRET = "5ec2e75ec2e75ec2e75ec2e75ec2e7aa";
  static final String CALLBACK_SECRET = "cb5ec2e7cb5ec2e7cb5ec2e7cb5ec2e7";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void secretsAppearNowhereAfterABusySession() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    System.setOut(tee);
    System.setErr(tee);
    try (MockServer server = MockServer.start(TestServers.config().credential(1234567890L, SERVER_SECRET)
        .strict(true).callbackUrl(URI.create("http://127.0.0.1:9/closed")).callbackSecret(CALLBACK_SECRET)
        .callbackRetryDelays(List.of()).build())) {
      RawApi api = new RawApi(server).uncheckedCodes();
      String q = api.signedQuery("RegisterAgent");
      signatures.add(q.replaceAll(".*Signature=([0-9a-f]+).*", "$1"));
      seen.add(api.send("POST", "/?" + q, Bodies.agent("s1")).toString());
      seen.add(api.send("POST", "/?" + q, Bodies.agent("s1")).toString()); // strict: nonce reused
      String id = api.ok("CreateAgentInstance", Bodies.instance("s1", "1")).path("AgentInstanceId").asText();
      seen.add(api.call("SendAgentInstanceTTS", Bodies.tts(id, "hello", "")).toString());
      seen.add(api.call("DeleteAgentInstance", Bodies.id(id)).toString());
      // Wrong signature, expired timestamp, wrong secret: messages must not hint at the expected value.
      seen.add(api.send("POST", "/?" + q.replaceAll("Signature=[0-9a-f]+", "Signature=" + "0".repeat(32)), "{}").toString());
      seen.add(api.send("POST", "/?" + q.replaceAll("Timestamp=[0-9]+", "Timestamp=1"), "{}").toString());
      seen.add(new RawApi(server, server.appId(), "wrong-secret").uncheckedCodes().call("ListAgents", "{}").toString());
      for (String path : List.of("journal", "info", "callbacks", "instances", "agents", "faults")) {
        seen.add(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "_mock/" + path)).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      }
      server.journal().forEach(e -> seen.add(e.toString()));
      server.callbacks().getEvents().forEach(c -> seen.add(c.toString()));
      seen.add(server.toString());
      seen.add(server.config().toString());
      seen.add(server.callbacks().toString());
      assertThat(server.journal()).hasSizeGreaterThan(5);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    seen.add(captured.toString(StandardCharsets.UTF_8));
    String all = String.join("\n", seen);
    assertThat(all).contains("RegisterAgent").contains("100000005"); // the texts are really there
    assertThat(all).doesNotContain(SERVER_SECRET).doesNotContain(CALLBACK_SECRET).doesNotContain("wrong-secret");
    assertThat(all).as("request signatures are masked").doesNotContain(signatures.get(0));
  }

  @Test
  void signatureComparisonIsConstantTime() throws IOException {
    assertThat(Signatures.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Signatures.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Signatures.constantTimeEquals("abc", "xbc")).isFalse();
    assertThat(Signatures.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(Signatures.constantTimeEquals("abc", "")).isFalse();
    // Structural: the comparison delegates to MessageDigest.isEqual (JDK, constant-time since 6u17)
    // and the gateway compares signatures only through it. No timing measurement on purpose.
    assertThat(constantPool(Signatures.class)).contains("java/security/MessageDigest", "isEqual");
    assertThat(constantPool(Gateway.class)).contains("constantTimeEquals");
  }

  @Test
  void controlApiRefusesNonLoopbackAddressesByDefault() throws Exception {
    for (String a : List.of("10.1.2.3", "192.0.2.2", "0.0.0.0", "8.8.8.8", "fe80::1", "2001:db8::1", "::")) {
      InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(a), 1234);
      assertThat(LoopbackPolicy.allows(remote, false)).as(a).isFalse();
      assertThat(LoopbackPolicy.allows(remote, true)).as(a).isTrue();
    }
    for (String a : List.of("127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1")) {
      assertThat(LoopbackPolicy.allows(new InetSocketAddress(InetAddress.getByName(a), 1), false)).as(a).isTrue();
    }
    assertThat(LoopbackPolicy.allows(InetSocketAddress.createUnresolved("localhost", 1), false)).isFalse();
  }

  @Test
  void aRealRequestFromThisMachinesOwnNonLoopbackAddressIsRefused() throws Exception {
    Optional<InetAddress> own = ownNonLoopbackAddress();
    assumeThat(own).as("a non-loopback IPv4 address on this machine").isPresent();
    String host = own.get().getHostAddress();
    try (MockServer server = MockServer.start(TestServers.config().bindAddress("0.0.0.0").build());
        MockServer open = MockServer.start(TestServers.config().bindAddress("0.0.0.0").controlApiRemoteAllowed(true).build())) {
      assertThat(get("http://" + host + ":" + server.port() + "/_mock/health").statusCode()).isEqualTo(403);
      assertThat(get("http://127.0.0.1:" + server.port() + "/_mock/health").statusCode()).isEqualTo(200);
      assertThat(get("http://" + host + ":" + open.port() + "/_mock/health").statusCode()).isEqualTo(200);
      // The API itself (signed) still answers remote callers: only /_mock/ is restricted.
      JsonNode r = new RawApi(URI.create("http://" + host + ":" + server.port() + "/"), server.appId(),
          server.serverSecret(), () -> server.clock().millis()).call("ListAgents", "{}");
      assertThat(r.path("Code").asInt()).isZero();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<InetAddress> ownNonLoopbackAddress() throws IOException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (ni.isUp() && !ni.isLoopback()) {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
            return Optional.of(a);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The class file's text (constant pool names), enough to see which methods it references. */
  private static String constantPool(Class<?> c) throws IOException {
    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
