package io.github.zegoaiagent.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.core.AutoPager;
import io.github.zegoaiagent.client.core.AutoPagerAsync;
import io.github.zegoaiagent.client.core.Page;
import io.github.zegoaiagent.client.core.RawAnswer;
import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pager's edges (a repeated Cursor, failures, cancel) and raw answers after a retry. */
class PagingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static String page(String agentId, String cursor) {
    return "{\"Code\":0,\"Message\":\"ok\",\"RequestId\":\"r\",\"Data\":{\"Total\":99,\"Cursor\":\"" + cursor
        + "\",\"Agents\":[{\"AgentId\":\"" + agentId + "\"}]}}";
  }

  @Test
  void aServiceThatAnswersTheCursorItWasSentStopsInsteadOfLoopingForever() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(page("a", "SAME"))));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).build();

    Throwable sync = catchThrowable(() -> client.listAllAgents(new ListAgentsRequest().limit(1)).forEach(a -> { }));
    Throwable async = catchThrowable(() -> client.async().listAllAgents(new ListAgentsRequest().limit(1)).forEach(a -> { }).join());

    assertThat(sync).isInstanceOf(IllegalStateException.class).hasMessageContaining("answered the same Cursor again");
    assertThat(async).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
    wm.verify(4, postRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void aFailedPageIsTheClientsException() {
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":410001009,\"Message\":\"no agent\",\"RequestId\":\"r\"}")));
    ZegoAiAgentClient client = TestClients.builder(wm.baseUrl()).build();

    assertThat(catchThrowable(() -> client.listAllAgents(new ListAgentsRequest()).iterator().hasNext()))
        .isInstanceOf(ZegoNotFoundException.class);
    assertThat(catchThrowable(() -> client.async().listAllAgents(new ListAgentsRequest()).toList().join()))
        .hasCauseInstanceOf(ZegoNotFoundException.class);
  }

  @Test
  void cancellingTheAsyncWalkStopsAfterTheCurrentItemAndCancelsThePageInFlight() {
    List<CompletableFuture<Page<String>>> asked = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    CompletableFuture<Void> walk = AutoPagerAsync.<String>of(null, cursor -> {
      CompletableFuture<Page<String>> page = new CompletableFuture<>();
      asked.add(page);
      return page;
    }).forEach(seen::add);

    asked.get(0).complete(new Page<>(List.of("a", "b"), "next"));
    assertThat(seen).containsExactly("a", "b");
    assertThat(asked).as("the second page is in flight").hasSize(2);
    walk.cancel(true);

    assertThat(asked.get(1)).as("the page in flight is cancelled, which aborts its exchange").isCancelled();
    assertThat(asked).hasSize(2);
    assertThat(walk).isCancelled();
  }

  @Test
  void thePagerCopiesEveryPropertyOfTheFirstRequest() {
    // Paging.at copies Limit and sets Cursor: if the contract adds a ListAgents property, copy it there too.
    JsonNode schema = SpecExamples.spec().at(SpecExamples.contract().action("ListAgents").request().target());
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("Limit", "Cursor");
    AutoPager<AgentInfo> pager = AutoPager.of(null, cursor -> new Page<>(List.of(), null));
    assertThat(pager).isEmpty();
  }

  @Test
  void aRawAnswerSaysHowManyAttemptsTheCallTook() {
    wm.stubFor(post(urlPathEqualTo("/")).inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(200).withBody("{\"Code\":410001029,\"Message\":\"slow down\",\"RequestId\":\"r1\"}")));
    wm.stubFor(post(urlPathEqualTo("/")).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withHeader("X-Trace", "t-42")
            .withBody(SpecExamples.successResponse("SendAgentInstanceTTS").toString())));
    ZegoAiAgentClient client = TestClients.client(wm.baseUrl(), RetryPolicy.defaults(), new TestClients.RecordingSleeper());

    RawAnswer<RoundResponse> raw = client.withRawAnswer().control()
        .sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId("1").text("hi"));

    assertThat(raw.attempts()).isEqualTo(2);
    assertThat(raw.header("x-trace")).hasValue("t-42");
    assertThat(raw.requestId()).isEqualTo(SpecExamples.successResponse("SendAgentInstanceTTS").get("RequestId").asText());
    assertThat(raw.value().getData().getRound()).isEqualTo(3L);
  }
}
