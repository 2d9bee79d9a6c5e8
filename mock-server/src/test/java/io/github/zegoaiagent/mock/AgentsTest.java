package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.github.zegoaiagent.mock.junit.ZegoMockConfigurer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RegisterAgent, UpdateAgent, UnregisterAgent, ListAgents, QueryAgents. */
@ZegoMockTest(callbacks = false, configure = AgentsTest.Config.class)
class AgentsTest {
  /** The mock of this class: the test defaults plus its own settings. */
  static final class Config implements ZegoMockConfigurer {
    @Override
    public void configure(MockServerConfig.Builder b) {
      TestServers.defaults(b).maxAgents(12);
    }
  }

  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @Test
  void registerThenDuplicate() {
    api.ok("RegisterAgent", Bodies.agent("xiaozhi"));
    String msg = api.fails("RegisterAgent", Bodies.agent("xiaozhi"), Codes.AGENT_ALREADY_EXISTS);
    assertThat(msg).contains("xiaozhi");
    assertThat(server.agents()).hasSize(1);
  }

  @Test
  void updateReplacesOnlyWhatIsSent() {
    api.ok("RegisterAgent", Bodies.agent("a1"));
    api.ok("UpdateAgent", "{\"AgentId\":\"a1\",\"LLM\":{\"Url\":\"https://x.example/v1\",\"ApiKey\":\"k\",\"Model\":\"m2\"}}");
    JsonNode a = api.ok("QueryAgents", "{\"AgentIds\":[\"a1\"]}").path("Agents").get(0);
    assertThat(a.path("Name").asText()).isEqualTo("Agent a1"); // not sent: kept
    assertThat(a.path("LLM").path("Model").asText()).isEqualTo("m2");
    assertThat(a.path("LLM").has("SystemPrompt")).as("replaced whole, old SystemPrompt gone").isFalse();
    assertThat(a.path("TTS").path("Vendor").asText()).isEqualTo("ByteDanceV3"); // not sent: kept
    api.ok("UpdateAgent", "{\"AgentId\":\"a1\",\"Name\":\"Renamed\"}");
    assertThat(server.agents().get(0).getName()).isEqualTo("Renamed");
    assertThat(server.agents().get(0).getLlm().path("Model").asText()).isEqualTo("m2");
  }

  @Test
  void updateAndUnregisterUnknown() {
    assertThat(api.fails("UpdateAgent", "{\"AgentId\":\"nope\",\"Name\":\"n\"}", Codes.AGENT_NOT_FOUND))
        .contains("nope");
    api.fails("UnregisterAgent", "{\"AgentId\":\"nope\"}", Codes.AGENT_NOT_FOUND);
  }

  @Test
  void unregisterRemoves() {
    api.ok("RegisterAgent", Bodies.agent("gone"));
    api.ok("UnregisterAgent", "{\"AgentId\":\"gone\"}");
    assertThat(server.agents()).isEmpty();
    api.fails("UnregisterAgent", "{\"AgentId\":\"gone\"}", Codes.AGENT_NOT_FOUND);
  }

  @Test
  void listPagesWithLimitAndCursor() {
    for (int i = 0; i < 7; i++) {
      api.ok("RegisterAgent", "{\"AgentId\":\"ag" + i + "\"}");
    }
    JsonNode first = api.ok("ListAgents", "{}"); // no Limit: 5
    assertThat(first.path("Total").asInt()).isEqualTo(7);
    assertThat(first.path("Agents")).hasSize(5);
    assertThat(first.path("Cursor").asText()).isNotEmpty();
    JsonNode second = api.ok("ListAgents", "{\"Limit\":5,\"Cursor\":\"" + first.path("Cursor").asText() + "\"}");
    assertThat(second.path("Agents")).hasSize(2);
    assertThat(second.path("Cursor").asText()).isEmpty();
    List<String> all = new ArrayList<>();
    first.path("Agents").forEach(a -> all.add(a.path("AgentId").asText()));
    second.path("Agents").forEach(a -> all.add(a.path("AgentId").asText()));
    assertThat(all).containsExactly("ag0", "ag1", "ag2", "ag3", "ag4", "ag5", "ag6");
    JsonNode zero = api.ok("ListAgents", "{\"Limit\":0}");
    assertThat(zero.path("Agents")).hasSize(5);
    JsonNode two = api.ok("ListAgents", "{\"Limit\":2}");
    assertThat(two.path("Agents")).hasSize(2);
  }

  @Test
  void listBadCursor() {
    assertThat(api.fails("ListAgents", "{\"Cursor\":\"***\"}", Codes.INVALID_PARAMETER)).startsWith("Cursor:");
  }

  @Test
  void queryLeavesUnknownOut() {
    api.ok("RegisterAgent", Bodies.agent("q1"));
    JsonNode d = api.ok("QueryAgents", "{\"AgentIds\":[\"q1\",\"unknown\",\"q1\"]}");
    assertThat(d.path("Agents")).hasSize(1);
    assertThat(d.path("Agents").get(0).path("AgentId").asText()).isEqualTo("q1");
    assertThat(d.path("Agents").get(0).path("LLM").path("ApiKey").asText()).isEqualTo("sk-test");
  }

  @Test
  void agentCapGivesClearError() {
    for (int i = 0; i < 12; i++) {
      api.ok("RegisterAgent", "{\"AgentId\":\"cap" + i + "\"}");
    }
    assertThat(api.fails("RegisterAgent", "{\"AgentId\":\"cap12\"}", Codes.INVALID_PARAMETER))
        .contains("at most 12 agents");
  }
}
