package io.github.zegoaiagent.client.readme;

import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.client.callback.CallbackHandler;
import io.github.zegoaiagent.client.callback.CallbackOutcome;
import io.github.zegoaiagent.client.callback.CallbackReceiver;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import io.github.zegoaiagent.client.model.LLMResultEvent;
import io.github.zegoaiagent.client.token.RtcPrivilege;
import io.github.zegoaiagent.client.token.Token04;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** The "Building a backend" examples of the top-level README, verbatim between the markers (BackendExampleTest). */
final class BackendExample {

  private BackendExample() { }

  static HttpServer receiver(String callbackSecret, int port, List<String> seen) throws IOException {
    // RECEIVER-BEGIN
    CallbackReceiver receiver = new CallbackReceiver(new CallbackVerifier(callbackSecret), new CallbackHandler() {
      @Override
      public void onLLMResult(LLMResultEvent e) {
        seen.add("LLM said: " + e.getData().getText());
      }

      @Override
      public void onAgentInstanceDeleted(AgentInstanceDeletedEvent e) {
        seen.add(e.getAgentInstanceId() + " ended with Code " + e.getData().getCode());
      }
    });

    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/zego/callback", exchange -> {
      byte[] body = exchange.getRequestBody().readNBytes(1 << 20); // bound what you read
      CallbackOutcome outcome = receiver.handle(body);           // verify, deduplicate, dispatch
      exchange.sendResponseHeaders(outcome.httpStatus(), -1);    // 200 handled/duplicate, 4xx refused
      exchange.close();
    });
    server.start();
    // RECEIVER-END
    return server;
  }

  static String[] tokens(long appId, String serverSecret) {
    // TOKEN-BEGIN
    // A basic token: the user's client SDK logs into RTC rooms with it.
    String token = Token04.generate(appId, "user_1", serverSecret, Duration.ofHours(1));

    // A strict token, limited to one room (where ZEGO support enabled room authentication).
    String strict = Token04.generate(appId, "user_1", serverSecret, Duration.ofMinutes(10),
        RtcPrivilege.builder().roomId("room_1").loginRoom(true).publishStream(true).build());
    // TOKEN-END
    return new String[] {token, strict};
  }
}
