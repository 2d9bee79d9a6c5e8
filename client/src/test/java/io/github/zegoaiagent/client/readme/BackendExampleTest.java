package io.github.zegoaiagent.client.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.token.DecodedToken04;
import io.github.zegoaiagent.client.token.Token04;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The top-level README's "Building a backend" examples of the client are this compiled code, and they run. */
class BackendExampleTest {

  static String block(String marker) throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/test/java/io/github/zegoaiagent/client/readme/BackendExample.java"));
    int begin = source.indexOf("    // " + marker + "-BEGIN");
    int end = source.indexOf("    // " + marker + "-END");
    assertThat(begin).isPositive();
    return source.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theTopLevelReadmeShowsExactlyTheCompiledExamples() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("## Building a backend");
    assertThat(readme).contains(block("RECEIVER"));
    assertThat(readme).contains(block("TOKEN"));
  }

  @Test
  void theReceiverHandlesAGenuineCallbackOnceAndRefusesAForgedOne() throws Exception {
    String secret = "readme-callback-secret";
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = BackendExample.receiver(secret, 0, seen);
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/zego/callback");
      ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy(); // AgentInstanceDeleted
      String now = Long.toString(Instant.now().toEpochMilli());
      body.put("Timestamp", Long.parseLong(now));
      body.put("Signature", new CallbackVerifier(secret).expectedSignature(now, body.get("Nonce").asText()));
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest post = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
      assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200); // duplicate
      body.put("Nonce", "1");
      HttpRequest forged = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
      assertThat(http.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
      assertThat(seen).containsExactly("1912124734317838336 ended with Code 0");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theTokensDecode() {
    String[] tokens = BackendExample.tokens(TestClients.APP_ID, TestClients.SECRET);
    DecodedToken04 basic = Token04.decode(tokens[0], TestClients.SECRET);
    assertThat(basic.userId()).isEqualTo("user_1");
    assertThat(basic.expire() - basic.ctime()).isEqualTo(3600);
    assertThat(Token04.decode(tokens[1], TestClients.SECRET).payload()).contains("\"room_id\":\"room_1\"");
  }
}
