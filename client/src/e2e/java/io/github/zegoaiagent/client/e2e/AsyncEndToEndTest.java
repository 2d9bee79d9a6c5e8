package io.github.zegoaiagent.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoAgentListeningException;
import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.client.model.AdvancedConfig;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.model.AgentStatus;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.CreateDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.client.model.CreateLiveDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DigitalHuman;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListeningTurnRequest;
import io.github.zegoaiagent.client.model.Message;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RTCLive;
import io.github.zegoaiagent.client.model.RTCUpdate;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.UnregisterAgentRequest;
import io.github.zegoaiagent.client.model.UpdateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.UpdateAgentRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every action through the async client against the mock, and many calls in flight at once. */
@Timeout(60)
class AsyncEndToEndTest {

  static MockServer mock;
  static ZegoAiAgentClient client;
  static RecordingListener listener = new RecordingListener();

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
    client = ZegoAiAgentClient.builder().appId(mock.appId()).serverSecret(mock.serverSecret())
        .endpoint(mock.baseUrl()).retryPolicy(RetryPolicy.none()).listener(listener).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  /** join() wraps the failure; the cause is the client's own exception type. */
  private static Throwable failureOf(CompletableFuture<?> f) {
    Throwable t = catchThrowable(f::join);
    assertThat(t).isInstanceOf(CompletionException.class);
    return t.getCause();
  }

  static RegisterAgentRequest agent(String id) {
    return E2eAgents.agent(id);
  }

  static RTC rtc(String run, String who) {
    return new RTC().roomId("room_" + run).agentStreamId("as_" + who + run).agentUserId("au_" + who + run)
        .userStreamId("us_" + run);
  }

  @Test
  void everyActionAsynchronously() {
    ZegoAiAgentAsyncClient async = client.async();
    String run = Long.toString(System.nanoTime() % 1_000_000_000L);
    String agentId = "async_" + run;
    listener.lines.clear();

    assertThat(async.agents().registerAgent(agent(agentId)).join().getCode()).isZero();
    async.agents().updateAgent(new UpdateAgentRequest().agentId(agentId).name("Async 2")).join();
    assertThat(async.agents().listAgents(new ListAgentsRequest().limit(10)).join().getData().getTotal()).isPositive();
    assertThat(async.agents().queryAgents(new QueryAgentsRequest().agentIds(List.of(agentId))).join()
        .getData().getAgents()).extracting(a -> a.getAgentId()).containsExactly(agentId);

    String user = "user_" + run;
    String instance = async.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId(agentId).userId(user)
            .rtc(rtc(run, "a"))
            .advancedConfig(new AdvancedConfig().communicationMode(AdvancedConfig.CommunicationModeEnum.WALKIE_TALKIE)))
        .join().getData().getAgentInstanceId();
    AgentInstanceIdRequest byId = new AgentInstanceIdRequest().agentInstanceId(instance);
    assertThat(async.control().queryAgentInstanceStatus(byId).join().getData().getStatus()).isNotNull();
    long tts = async.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(instance)
        .text("Hello from the async test")).join().getData().getRound();
    long llm = async.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest().agentInstanceId(instance)
        .text("What can you do?")).join().getData().getRound();
    assertThat(llm).isGreaterThan(tts);
    async.control().interruptAgentInstance(byId).join();
    async.control().addAgentInstanceMsg(new AddAgentInstanceMsgRequest().agentInstanceId(instance)
        .messages(List.of(new Message().role(Message.RoleEnum.USER).content("My name is Alice.")))).join();
    assertThat(async.control().getAgentInstanceMsgList(byId).join().getData().getMessageList())
        .extracting(Message::getContent).contains("My name is Alice.");
    async.control().resetAgentInstanceMsgList(byId).join();
    assertThat(async.control().getAgentInstanceMsgList(byId).join().getData().getTotal()).isZero();

    long seq = client.sequencer().next(instance, user);
    async.control().startListening(new ListeningTurnRequest().agentInstanceId(instance).userId(user).sequence(seq)).join();
    assertThat(async.control().queryAgentInstanceStatus(byId).join().getData().getStatus()).isEqualTo(AgentStatus.LISTENING);
    assertThat(failureOf(async.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(instance).text("x"))))
        .isInstanceOfSatisfying(ZegoAgentListeningException.class, e -> assertThat(e.code()).isEqualTo(410001013));
    async.control().stopListening(new ListeningTurnRequest().agentInstanceId(instance).userId(user)
        .sequence(client.sequencer().next(instance, user))).join();

    async.instances().updateAgentInstance(new UpdateAgentInstanceRequest().agentInstanceId(instance)
        .rtc(new RTCUpdate().userStreamId("us2_" + run))).join();
    DigitalHuman face = new DigitalHuman().digitalHumanId("63c3aa64-1d80-4b04-a0be-1c65614eb7eb");
    String digitalHuman = async.instances().createDigitalHumanAgentInstance(new CreateDigitalHumanAgentInstanceRequest()
        .agentId(agentId).userId("dh_" + run).rtc(rtc(run, "d")).digitalHuman(face)).join().getData().getAgentInstanceId();
    CreateLiveDigitalHumanAgentInstanceRequest live = new CreateLiveDigitalHumanAgentInstanceRequest().agentId(agentId)
        .digitalHuman(face);
    live.rtc(new RTCLive().roomId("live_" + run).agentStreamId("ls_" + run).agentUserId("lu_" + run));
    String liveDigitalHuman = async.instances().createLiveDigitalHumanAgentInstance(live).join().getData().getAgentInstanceId();

    CompletableFuture.allOf(List.of(instance, digitalHuman, liveDigitalHuman).stream()
        .map(id -> async.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id)))
        .toArray(CompletableFuture[]::new)).join();
    assertThat(failureOf(async.control().queryAgentInstanceStatus(byId)))
        .isInstanceOfSatisfying(ZegoNotFoundException.class, e -> assertThat(e.requestId()).isNotBlank());
    async.agents().unregisterAgent(new UnregisterAgentRequest().agentId(agentId)).join();

    Set<String> called = listener.lines.stream().filter(l -> l.startsWith("success "))
        .map(l -> l.split(" ")[1]).collect(Collectors.toSet());
    assertThat(called).as("every action of the contract succeeded at least once")
        .containsExactlyInAnyOrderElementsOf(ActionCatalog.ACTIONS.stream().map(ActionCatalog.Entry::action).toList());
  }

  @Test
  void sixtyFourCallsInFlightAllComeBackWithTheirOwnRounds() {
    String run = "f" + (System.nanoTime() % 1_000_000_000L);
    client.agents().registerAgent(agent(run));
    String instance = client.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId(run)
        .userId("u_" + run).rtc(rtc(run, "f"))).getData().getAgentInstanceId();
    List<CompletableFuture<RoundResponse>> inFlight = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      inFlight.add(client.async().control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest()
          .agentInstanceId(instance).text("call " + i)));
    }
    Set<Long> rounds = inFlight.stream().map(f -> f.join().getData().getRound()).collect(Collectors.toSet());
    assertThat(rounds).hasSize(64);
  }

  @Test
  void anInvalidRequestFailsTheFutureWithTheSyncExceptionAndSendsNothing() {
    int before = mock.journal().size();
    Throwable t = failureOf(client.async().control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().text("x")));
    assertThat(t).isInstanceOfSatisfying(ZegoValidationException.class,
        e -> assertThat(e.getMessage()).contains("AgentInstanceId: required field missing"));
    assertThat(mock.journal()).hasSize(before);
  }

  @Test
  void callByNameAsynchronously() {
    Object answer = client.async().call("ListAgents", new ListAgentsRequest().limit(1)).join();
    assertThat(answer).isInstanceOf(io.github.zegoaiagent.client.model.ListAgentsResponse.class);
  }
}
