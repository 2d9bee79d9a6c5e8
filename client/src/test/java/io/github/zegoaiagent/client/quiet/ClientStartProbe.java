package io.github.zegoaiagent.client.quiet;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import java.net.URI;

/**
 * Run in a child JVM by {@link QuietStartTest}: builds a client and has it validate a request
 * (which bootstraps Hibernate Validator), as an application's first call would. Nothing is sent:
 * the request is invalid, so it is refused locally.
 */
public final class ClientStartProbe {
  private ClientStartProbe() {}

  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("probe").warning("canary: JDK logging reaches stderr");
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint(URI.create("http://127.0.0.1:9/"))
        .build()) {
      client.agents().registerAgent(new RegisterAgentRequest());
      System.out.println("probe: request was not refused");
    } catch (ZegoValidationException e) {
      System.out.println("probe: refused locally");
    }
  }
}
