package com.example.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.junit.ZegoMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mock in the consumer's test JVM, as mock-server/README.md shows it. */
class AgentsTest {
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @RegisterExtension
  static ZegoMockExtension mock = ZegoMockExtension.with(() ->
      MockServerConfig.builder().qpsLimit(0).credential(APP_ID, SECRET).build());

  @Test
  void listsNoAgentsOnAFreshMock(MockServer server) {
    try (Agents agents = new Agents(APP_ID, SECRET, server.baseUrl())) {
      assertEquals(0, agents.count());
    }
  }
}
