package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback receiver started in the test class's own {@code @BeforeAll} is there when the
 * extension builds its configuration (JUnit runs the extension's beforeAll first, so the extension
 * must not call the supplier there).
 */
class ZegoMockExtensionBeforeAllTest {

  static HttpServer receiver;
  static final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

  @RegisterExtension
  static ZegoMockExtension mock = ZegoMockExtension.with(() -> TestServers.config()
      .callbackUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb"))
      .build());

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/cb", ex -> {
      received.add(RawApi.JSON.readTree(ex.getRequestBody().readAllBytes()));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void deliversToTheReceiverStartedInBeforeAll(MockServer server) throws Exception {
    assertThat(server).isSameAs(mock.server());
    assertThat(server.config().callbacks().url().getPort()).isEqualTo(receiver.getAddress().getPort());
    RawApi api = new RawApi(server);
    api.ok("RegisterAgent", Bodies.agent("ba"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("ba", "1")).path("AgentInstanceId").asText();
    JsonNode created = received.poll(20, TimeUnit.SECONDS);
    assertThat(created).as("callback delivered").isNotNull();
    assertThat(created.path("Event").asText()).isEqualTo("AgentInstanceCreated");
    assertThat(created.path("AgentInstanceId").asText()).isEqualTo(id);
  }
}
