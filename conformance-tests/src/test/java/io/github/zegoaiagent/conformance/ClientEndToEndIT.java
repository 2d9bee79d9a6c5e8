package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoAgentListeningException;
import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.listening.WalkieTalkie;
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
import io.github.zegoaiagent.client.model.Message;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RTCLive;
import io.github.zegoaiagent.client.model.RTCUpdate;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.UnregisterAgentRequest;
import io.github.zegoaiagent.client.model.UpdateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.UpdateAgentRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.sut.StandaloneMock;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * All 19 actions driven through the generated client's typed API: against the suite's target, and
 * against the standalone mock jar of this build started as a separate process.
 */
@ExtendWith(ReportExtension.class)
class ClientEndToEndIT {

  @Test
  void everyActionThroughTheClientAgainstTheTarget() throws Exception {
    coverAll();
    assumeTrue(TARGET.mayCreateResources(), "the flow creates agents and instances; pass -Dconformance.allowBillable=true");
    assumeTrue(TARGET.isMock(), "the walkie-talkie steps need a user publishing in the room; run against a mock");
    run(TARGET.baseUrl(), TARGET.appId(), TARGET.serverSecret());
  }

  @Test
  void everyActionThroughTheClientAgainstTheStandaloneJar() throws Exception {
    coverAll();
    assumeTrue(StandaloneMock.available(), "build the mock-server module first: " + StandaloneMock.JAR);
    String secret = "e2e-" + Suite.unique();
    try (StandaloneMock jar = StandaloneMock.start(4242L, secret)) {
      run(jar.baseUrl(), 4242L, secret);
    }
  }

  private static void coverAll() {
    SPEC.actions().forEach(action -> Report.cover(action, "client-e2e"));
  }

  /** The flow a real integration runs, one call per action (DeleteAgentInstance three times). */
  static void run(URI endpoint, long appId, String secret) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String run = Suite.unique();
    String agentId = "e2e_" + run;
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(appId).serverSecret(secret).endpoint(endpoint)
        .retryPolicy(RetryPolicy.none()).build()) {
      RegisterAgentRequest register = json.treeToValue(SPEC.requestExample("RegisterAgent"), RegisterAgentRequest.class);
      assertThat(client.agents().registerAgent(register.agentId(agentId)).getCode()).isZero();
      client.agents().updateAgent(new UpdateAgentRequest().agentId(agentId).name("E2E").llm(register.getLlm()));
      assertThat(client.agents().listAgents(new ListAgentsRequest().limit(10)).getData().getTotal()).isPositive();
      assertThat(client.agents().queryAgents(new QueryAgentsRequest().agentIds(List.of(agentId))).getData().getAgents())
          .extracting(a -> a.getAgentId()).containsExactly(agentId);

      String user = "e2e_user_" + run;
      String instance = client.instances().createAgentInstance(new CreateAgentInstanceRequest().agentId(agentId).userId(user)
              .rtc(new RTC().roomId("e2e_room_" + run).agentStreamId("e2e_as_" + run).agentUserId("e2e_au_" + run)
                  .userStreamId("e2e_us_" + run))
              .advancedConfig(new AdvancedConfig().communicationMode(AdvancedConfig.CommunicationModeEnum.WALKIE_TALKIE)))
          .getData().getAgentInstanceId();
      AgentInstanceIdRequest byId = new AgentInstanceIdRequest().agentInstanceId(instance);
      assertThat(client.control().queryAgentInstanceStatus(byId).getData().getStatus()).isNotNull();
      long ttsRound = client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(instance)
          .text("Hello from the end-to-end test")).getData().getRound();
      long llmRound = client.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest().agentInstanceId(instance)
          .text("What can you do?")).getData().getRound();
      assertThat(llmRound).isGreaterThan(ttsRound);
      client.control().interruptAgentInstance(byId);
      client.control().addAgentInstanceMsg(new AddAgentInstanceMsgRequest().agentInstanceId(instance)
          .messages(List.of(new Message().role(Message.RoleEnum.USER).content("My name is Alice."))));
      assertThat(client.control().getAgentInstanceMsgList(byId).getData().getMessageList())
          .extracting(Message::getContent).contains("My name is Alice.");
      client.control().resetAgentInstanceMsgList(byId);
      assertThat(client.control().getAgentInstanceMsgList(byId).getData().getTotal()).isZero();

      WalkieTalkie turns = client.walkieTalkie(instance, user);
      turns.start();
      assertThat(client.control().queryAgentInstanceStatus(byId).getData().getStatus()).isEqualTo(AgentStatus.LISTENING);
      try {
        client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(instance).text("x"));
        throw new AssertionError("TTS while listening must be refused");
      } catch (ZegoAgentListeningException expected) {
        assertThat(expected.code()).isEqualTo(410001013);
      }
      turns.stop();

      client.instances().updateAgentInstance(new UpdateAgentInstanceRequest().agentInstanceId(instance)
          .rtc(new RTCUpdate().userStreamId("e2e_us2_" + run)));
      String digitalHuman = client.instances().createDigitalHumanAgentInstance(new CreateDigitalHumanAgentInstanceRequest()
              .agentId(agentId).userId("e2e_dh_" + run)
              .rtc(new RTC().roomId("e2e_room_" + run).agentStreamId("e2e_dhs_" + run).agentUserId("e2e_dhu_" + run)
                  .userStreamId("e2e_us_" + run))
              .digitalHuman(new DigitalHuman().digitalHumanId("63c3aa64-1d80-4b04-a0be-1c65614eb7eb")))
          .getData().getAgentInstanceId();
      CreateLiveDigitalHumanAgentInstanceRequest live = new CreateLiveDigitalHumanAgentInstanceRequest().agentId(agentId)
          .digitalHuman(new DigitalHuman().digitalHumanId("63c3aa64-1d80-4b04-a0be-1c65614eb7eb"));
      live.rtc(new RTCLive().roomId("e2e_live_" + run).agentStreamId("e2e_ls_" + run).agentUserId("e2e_lu_" + run));
      String liveDigitalHuman = client.instances().createLiveDigitalHumanAgentInstance(live).getData().getAgentInstanceId();

      for (String id : List.of(instance, digitalHuman, liveDigitalHuman)) {
        client.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(id));
      }
      try {
        client.control().queryAgentInstanceStatus(byId);
        throw new AssertionError("a deleted instance must be gone");
      } catch (ZegoNotFoundException expected) {
        assertThat(expected.code()).isEqualTo(410001002);
      }
      client.agents().unregisterAgent(new UnregisterAgentRequest().agentId(agentId));
    }
  }
}
