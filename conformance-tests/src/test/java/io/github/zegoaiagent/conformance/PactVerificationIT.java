package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.IgnoreMissingStateChange;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.sut.MockReset;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the mock server against the client's pact ({@code client/target/pacts}, written by the
 * client module's ClientPactTest earlier in the same build). Before each interaction the mock is
 * reset and given what the contract example needs (the agent it names; a walkie-talkie instance
 * for instance actions, whose ID replaces the example's); every replayed request is re-signed,
 * because the pact's example signature is stale.
 */
@Provider("zego-aiagent-service")
@PactFolder("../client/target/pacts")
@IgnoreMissingStateChange
@ExtendWith(ReportExtension.class)
class PactVerificationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget(TARGET.baseUrl().getHost(), TARGET.baseUrl().getPort(), "/"));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context, ClassicHttpRequest request) throws Exception {
    String action = context.getInteraction().getDescription().split(" ")[0];
    Report.cover(action, "pact");
    assumeTrue(TARGET.isMock(), "the pact is verified against mock servers only");
    String instance = prepare(action);
    ObjectNode body = (ObjectNode) JSON.readTree(EntityUtils.toString(request.getEntity(), StandardCharsets.UTF_8));
    if (instance != null && body.has("AgentInstanceId")) {
      body.put("AgentInstanceId", instance);
    }
    request.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
    request.setUri(resign(request.getUri()));
    context.verifyInteraction();
  }

  /** Sets the mock up so the contract example of the action can succeed; returns the instance to use, if any. */
  private static String prepare(String action) {
    MockReset.reset(TARGET);
    if (!action.equals("RegisterAgent")) {
      assertThat(RAW.post("RegisterAgent", SPEC.requestExample("RegisterAgent")).code()).isZero();
    }
    if (!SPEC.requestSchema(action).path("properties").has("AgentInstanceId")) {
      return null;
    }
    Answer created = RAW.post("CreateAgentInstance", SPEC.requestExample("CreateAgentInstance", "walkieTalkie"));
    assertThat(created.code()).as("%s", created).isZero();
    String instance = created.data().path("AgentInstanceId").asText();
    if (action.equals("StopListening")) {
      JsonNode start = SPEC.requestExample("StartListening");
      assertThat(RAW.post("StartListening", ((ObjectNode) start).put("AgentInstanceId", instance)).code()).isZero();
    }
    return instance;
  }

  /** Replaces the pact's stale signed parameters with fresh ones for the target's credentials. */
  private static URI resign(URI uri) {
    String action = null;
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith("Action=")) {
        action = pair.substring("Action=".length());
      }
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    long timestamp = System.currentTimeMillis() / 1000;
    String signature = RequestSigner.signature(TARGET.appId(), nonce, TARGET.serverSecret(), timestamp);
    String query = "Action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + "&AppId=" + TARGET.appId()
        + "&SignatureNonce=" + nonce + "&Timestamp=" + timestamp + "&Signature=" + signature + "&SignatureVersion=2.0";
    return URI.create(TARGET.baseUrl() + "/?" + query);
  }
}
