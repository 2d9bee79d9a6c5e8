package io.github.zegoaiagent.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.core.AutoPager;
import io.github.zegoaiagent.client.core.RawAnswer;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Auto-pagination and raw answers against the mock: 25 agents, pages of 10, asked lazily. */
@Timeout(60)
class PaginationEndToEndTest {

  static MockServer mock;
  static ZegoAiAgentClient client;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
    client = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).build();
    for (int i = 0; i < 25; i++) {
      client.agents().registerAgent(E2eAgents.agent(String.format("page_agent_%02d", i)));
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  private static List<String> listCalls() {
    return mock.journal().stream().filter(e -> "ListAgents".equals(e.getAction())).map(e -> e.getBody()).toList();
  }

  private static long listCallsSoFar() {
    return listCalls().size();
  }

  @Test
  void twentyFiveAgentsInPagesOfTenAreAskedOnlyAsTheyAreConsumed() {
    long before = listCallsSoFar();
    AutoPager<AgentInfo> all = client.listAllAgents(new ListAgentsRequest().limit(10));
    assertThat(listCallsSoFar()).as("nothing asked before iterating").isEqualTo(before);

    Iterator<AgentInfo> it = all.iterator();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(it.next().getAgentId());
    }
    assertThat(listCallsSoFar() - before).as("one page for the first ten").isEqualTo(1);
    it.forEachRemaining(a -> ids.add(a.getAgentId()));

    assertThat(ids).hasSize(25).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 25).mapToObj(i -> String.format("page_agent_%02d", i)).toList());
    List<String> bodies = listCalls().subList((int) before, listCalls().size());
    assertThat(bodies).hasSize(3);
    assertThat(bodies.get(0)).isEqualTo("{\"Limit\":10}");
    assertThat(bodies.get(1)).startsWith("{\"Limit\":10,\"Cursor\":\"");
    assertThat(all.stream().limit(5).count()).as("a stream stops asking when it stops").isEqualTo(5);
    assertThat(listCallsSoFar() - before).isEqualTo(4);
  }

  @Test
  void theAsyncPagerWalksThePagesWithoutBlocking() throws Exception {
    long before = listCallsSoFar();
    List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();

    CompletableFuture<Void> done = client.async().listAllAgents(new ListAgentsRequest().limit(10))
        .forEach(agent -> ids.add(agent.getAgentId()));
    done.get(30, TimeUnit.SECONDS);

    assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    assertThat(listCallsSoFar() - before).isEqualTo(3);
    assertThat(client.async().listAllAgents(new ListAgentsRequest().limit(7)).toList().get(30, TimeUnit.SECONDS))
        .extracting(AgentInfo::getAgentId).containsExactlyElementsOf(ids);
  }

  @Test
  void rawAnswersCarryStatusHeadersRequestIdAndBodyBesideTheValue() throws Exception {
    RawAnswer<ListAgentsResponse> raw = client.withRawAnswer().agents().listAgents(new ListAgentsRequest().limit(2));

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(raw.header("Content-Type")).isEqualTo(raw.header("content-type"));
    assertThat(raw.requestId()).isNotBlank().isEqualTo(raw.value().getRequestId());
    assertThat(raw.bodyText()).contains("\"RequestId\":\"" + raw.requestId() + "\"");
    assertThat(raw.value().getData().getAgents()).hasSize(2);
    assertThat(raw.attempts()).isEqualTo(1);
    assertThat(mock.journal()).anySatisfy(e -> assertThat(e.getRequestId()).isEqualTo(raw.requestId()));

    RawAnswer<ListAgentsResponse> async = client.async().withRawAnswer().agents()
        .listAgents(new ListAgentsRequest().limit(3)).get(30, TimeUnit.SECONDS);
    assertThat(async.value().getData().getAgents()).hasSize(3);
    assertThat(async.requestId()).isNotEqualTo(raw.requestId());
    assertThat(raw.toString()).contains("HTTP 200", "RequestId " + raw.requestId()).doesNotContain("Agents");
  }
}
