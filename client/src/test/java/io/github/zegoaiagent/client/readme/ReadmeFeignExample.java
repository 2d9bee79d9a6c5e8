package io.github.zegoaiagent.client.readme;

import io.github.zegoaiagent.client.api.AgentsApi;
import io.github.zegoaiagent.client.api.AgentsApiFeign;
import io.github.zegoaiagent.client.feign.ZegoFeign;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import java.time.Clock;

/** client/README.md's Feign example, verbatim with its imports (ReadmeSnippetsTest); FeignBindingTest runs it. */
public final class ReadmeFeignExample {

  private ReadmeFeignExample() { }

  public static int run(long appId, String serverSecret, String endpoint) {
    // README-BEGIN
    AgentsApi agents = ZegoFeign.builder(new RequestSigner(appId, serverSecret, Clock.systemUTC()))
        .target(AgentsApiFeign.class, endpoint);           // e.g. "https://aigc-aiagent-api-sgp.zegotech.cn"
    int total = agents.listAgents(new ListAgentsRequest().limit(10)).getData().getTotal();
    // README-END
    return total;
  }
}
