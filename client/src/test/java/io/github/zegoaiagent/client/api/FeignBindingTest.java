package io.github.zegoaiagent.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.error.ZegoNotFoundException;
import io.github.zegoaiagent.client.feign.ZegoFeign;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design generates a Feign client: plain Feign (feign-core, an optional dependency the
 * application adds) targets the generated bindings ({@code *ApiFeign}) with {@link ZegoFeign}'s
 * signing, encoder and strict decoder, and talks to the mock like the client does. The plain
 * interfaces carry no Feign annotation, so an application without feign-core never meets one.
 */
class FeignBindingTest {

  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void plainFeignRegistersAndListsAgentsOnTheMock() {
    RequestSigner signer = new RequestSigner(mock.appId(), mock.serverSecret(), Clock.systemUTC());
    AgentsApi agents = ZegoFeign.builder(signer).target(AgentsApiFeign.class, mock.baseUrl().toString());

    agents.registerAgent(new RegisterAgentRequest().agentId("feign_agent").name("Feign")
        .llm(new LLM().url("https://llm.invalid/v1/chat/completions").apiKey("k").model("m"))
        .tts(new TTS().vendor(TTS.VendorEnum.MINI_MAX).params(new TTSParams().app(Map.of("api_key", "t")))));
    ListAgentsResponse list = agents.listAgents(new ListAgentsRequest().limit(5));

    assertThat(list.getCode()).isZero();
    assertThat(list.getData().getAgents()).extracting(a -> a.getAgentId()).contains("feign_agent");
    assertThat(mock.journal()).anySatisfy(entry -> assertThat(entry.getAction()).isEqualTo("RegisterAgent"));
  }

  @Test
  void theReadmeExampleRuns() {
    int total = io.github.zegoaiagent.client.readme.ReadmeFeignExample.run(mock.appId(), mock.serverSecret(),
        mock.baseUrl().toString());
    assertThat(total).isEqualTo(mock.agents().stream().filter(a -> a.getAppId() == mock.appId()).count());
  }

  @Test
  void aNonZeroCodeIsTheClientsException() {
    RequestSigner signer = new RequestSigner(mock.appId(), mock.serverSecret(), Clock.systemUTC());
    InstanceControlApi control = ZegoFeign.builder(signer).target(InstanceControlApiFeign.class, mock.baseUrl().toString());

    ZegoNotFoundException e = catchThrowableOfType(ZegoNotFoundException.class,
        () -> control.queryAgentInstanceStatus(new AgentInstanceIdRequest().agentInstanceId("1907755175297171456")));

    assertThat(e.code()).isEqualTo(410001002);
    assertThat(e.action()).isEqualTo("QueryAgentInstanceStatus");
  }

  @Test
  void thePlainInterfacesCarryNoFeignAnnotation() {
    for (Class<?> api : new Class<?>[] {AgentsApi.class, InstancesApi.class, InstanceControlApi.class}) {
      for (Method m : api.getDeclaredMethods()) {
        assertThat(Arrays.stream(m.getAnnotations()).map(a -> a.annotationType().getName()))
            .as("%s.%s", api.getSimpleName(), m.getName()).noneMatch(name -> name.startsWith("feign."));
      }
    }
    for (Method m : AgentsApiFeign.class.getDeclaredMethods()) {
      assertThat(m.getAnnotation(feign.RequestLine.class)).as(m.getName()).isNotNull();
    }
  }
}
