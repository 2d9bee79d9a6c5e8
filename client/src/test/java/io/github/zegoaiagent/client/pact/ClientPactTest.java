package io.github.zegoaiagent.client.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of this client for all 19 actions, written to {@code client/target/pacts}.
 * Each interaction is the contract's own request example and the shape of its success example
 * (values matched by type, {@code Code} exactly 0); the signed parameters change on every call, so
 * they are matched by format. Provider states name the example whose preconditions (the agent or
 * instance it mentions) the provider must set up.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ClientPactTest.PROVIDER)
class ClientPactTest {

  static final String PROVIDER = "zego-aiagent-service";
  static final String CONSUMER = "zego-aiagent-java-client";

  private final ObjectMapper mapper = JsonCodec.newMapper();

  /** The provider state of an action: whatever its contract example needs (e.g. the agent or instance it names). */
  static String state(String action) {
    return "the contract example of " + action + " can succeed";
  }

  @Pact(consumer = CONSUMER)
  public V4Pact allActions(PactDslWithProvider builder) {
    PactDslResponse response = null;
    for (ActionCatalog.Entry entry : ActionCatalog.ACTIONS) {
      String action = entry.action();
      PactDslRequestWithPath request = (response == null
          ? builder.given(state(action)).uponReceiving(action + " with the contract example")
          : response.given(state(action)).uponReceiving(action + " with the contract example"))
          .method("POST")
          .path("/")
          .matchQuery("Action", action, action)
          .matchQuery("AppId", "\\d{1,10}", Long.toString(TestClients.APP_ID))
          .matchQuery("SignatureNonce", "[0-9a-f]{16}", "0123456789abcdef")
          .matchQuery("Timestamp", "\\d{1,12}", Long.toString(TestClients.NOW.getEpochSecond()))
          .matchQuery("Signature", "[0-9a-f]{32}", "16623b00a07719a644da6752e631e98a")
          .matchQuery("SignatureVersion", "2\\.0", "2.0")
          .matchHeader("Content-Type", "application/json.*", "application/json")
          .body(SpecExamples.request(action).toString());
      response = request.willRespondWith()
          .status(200)
          .headers(Map.of("Content-Type", "application/json"))
          .body(PactBodies.likeAnswer(SpecExamples.successResponse(action)));
    }
    return response.toPact(V4Pact.class);
  }

  @Test
  void callsEveryActionAsTheContractDescribes(MockServer server) throws Exception {
    try (ZegoAiAgentClient client = TestClients.client(server.getUrl(), RetryPolicy.none(), new TestClients.RecordingSleeper())) {
      for (ActionCatalog.Entry entry : ActionCatalog.ACTIONS) {
        Object request = mapper.treeToValue(SpecExamples.request(entry.action()), entry.requestType());
        Object answer = client.call(entry.action(), request);
        assertThat(answer).as(entry.action()).isInstanceOf(entry.responseType());
        JsonNode decoded = mapper.readTree(mapper.writeValueAsString(answer));
        JsonNode example = SpecExamples.successResponse(entry.action());
        assertThat(decoded.get("Code").asInt()).isZero();
        assertThat(decoded.has("Data")).as(entry.action() + " Data").isEqualTo(example.has("Data"));
      }
    }
  }
}
