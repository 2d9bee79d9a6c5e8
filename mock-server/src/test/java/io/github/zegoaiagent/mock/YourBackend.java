package io.github.zegoaiagent.mock;

import java.net.URI;
import java.time.Clock;

/** Stands for the user's code under test in the README examples: signed raw calls, as a client makes them. */
final class YourBackend {
  private YourBackend() {
  }

  /** Registers an agent, starts an instance and makes it say the text; @return the AgentInstanceId */
  static String greet(URI endpoint, long appId, String serverSecret, Clock clock, String text) {
    RawApi api = new RawApi(endpoint, appId, serverSecret, clock::millis);
    api.ok("RegisterAgent", Bodies.agent("greeter"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("greeter", "1")).path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceTTS", "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"" + text + "\"}");
    return id;
  }
}
