package io.github.zegoaiagent.conformance;

import static io.github.zegoaiagent.conformance.Suite.RAW;
import static io.github.zegoaiagent.conformance.Suite.SPEC;
import static io.github.zegoaiagent.conformance.Suite.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.model.QueryAgentsRequest;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.model.UnregisterAgentRequest;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.conformance.raw.Tamper;
import io.github.zegoaiagent.conformance.report.Report;
import io.github.zegoaiagent.conformance.report.ReportExtension;
import io.github.zegoaiagent.conformance.spec.Constraint;
import io.github.zegoaiagent.conformance.spec.Constraints;
import io.github.zegoaiagent.contract.LegacyValue;
import io.github.zegoaiagent.conformance.spec.Requests;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tolerant face (ADR 0004): request shapes that real third-party clients (the vendor's own
 * sample backend, community backends, the vendor's examples) send are accepted. The null checks
 * are derived from the schemas and the contract's {@code x-zego-tolerance}; the named shapes are
 * the ones issue 10 found in those clients.
 */
@ExtendWith(ReportExtension.class)
class RealClientsIT {

  static final Requests REQUESTS = new Requests(SPEC);
  static final int INVALID_PARAMETER = 410000003;
  static final SecureRandom RANDOM = new SecureRandom();

  static String agent;
  static final List<String> INSTANCES = new ArrayList<>();

  @BeforeAll
  static void fixture() {
    if (!TARGET.mayCreateResources()) {
      return; // the named shapes below are skipped; the derived checks of read-only actions still run
    }
    agent = "rc_" + Suite.unique();
    ok("RegisterAgent", agentBody(agent));
  }

  @AfterAll
  static void cleanUp() {
    INSTANCES.forEach(id -> RAW.post("DeleteAgentInstance", Suite.object().put("AgentInstanceId", id)));
    if (agent != null) {
      RAW.post("UnregisterAgent", Suite.object().put("AgentId", agent));
    }
  }

  // ------------------------------------------------------------------ derived: null = absent

  static Stream<Constraint> optionals() {
    return new Constraints(SPEC).optionals().stream();
  }

  @ParameterizedTest(name = "{0} null")
  @MethodSource("optionals")
  void aNullForAnOptionalPropertyIsAcceptedLikeLeavingItOut(Constraint c) {
    Report.cover(c.action(), "real-clients");
    assumeTrue(SPEC.model().tolerance().nullMeansAbsent(), "contract states no null rule");
    assumeTrue(Suite.mayChange(c.action()), Suite.billableReason(c.action()));
    ObjectNode withNull = REQUESTS.withNull(c);
    Answer nulled = sendAndUndo(c.action(), withNull);
    ObjectNode without = REQUESTS.overLimit(new Constraint(c.action(), c.path(), "required", null, c.schema(), false));
    Answer absent = sendAndUndo(c.action(), without);
    assertThat(nulled.code()).as("%s: null must not be refused as a parameter error: %s\n  request: %s", c.jsonPath(),
        nulled, withNull).isNotEqualTo(INVALID_PARAMETER);
    assertThat(nulled.code()).as("%s: null must answer like leaving it out (%s)\n  request: %s", c.jsonPath(), absent,
        withNull).isEqualTo(absent.code());
  }

  // ------------------------------------------------------------------ named shapes of real clients

  @Test
  void everyOptionalPropertyNullAtOnceOnTheCreateActionsAndSendAgentInstanceLLM() {
    Report.cover("CreateAgentInstance", "real-clients");
    Report.cover("CreateDigitalHumanAgentInstance", "real-clients");
    Report.cover("SendAgentInstanceLLM", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    create("CreateAgentInstance", allOptionalNull("CreateAgentInstance", instanceBody("n")));
    ObjectNode dh = instanceBody("d");
    dh.putObject("DigitalHuman").put("DigitalHumanId", SPEC.requestExample("CreateDigitalHumanAgentInstance")
        .path("DigitalHuman").path("DigitalHumanId").asText());
    create("CreateDigitalHumanAgentInstance", allOptionalNull("CreateDigitalHumanAgentInstance", dh));
    ok("SendAgentInstanceLLM", allOptionalNull("SendAgentInstanceLLM",
        Suite.object().put("AgentInstanceId", freshInstance()).put("Text", "What's the weather like today?")));
  }

  @Test
  void theLegacyByteDanceTtsBlockAndTheOldAsrFields() {
    Report.cover("RegisterAgent", "real-clients");
    Report.cover("UpdateAgent", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    List<String> legacy = SPEC.model().legacyValues().stream()
        .filter(l -> l.schema().equals("/components/schemas/TTS/properties/Vendor")).map(LegacyValue::value).toList();
    assertThat(legacy).as("the contract lists legacy TTS vendors").isNotEmpty();
    String id = "rc_legacy_" + Suite.unique();
    for (String vendor : legacy) {
      ObjectNode body = agentBody(id);
      ObjectNode tts = body.putObject("TTS").put("Vendor", vendor);
      tts.putObject("Params").put("audio_voice", "zh_female_vv_uranus_bigtts").putObject("app")
          .put("appid", "zego_test").put("token", "zego_test").put("cluster", "volcano_tts");
      body.putObject("ASR").put("Vendor", "Tencent").put("VADSilenceSegmentation", 500).put("PauseInterval", 800)
          .putObject("Params").put("engine_model_type", "16k_zh");
      ok("RegisterAgent", body);
      JsonNode stored = ok("QueryAgents", Suite.object().set("AgentIds", Suite.array().add(id))).path("Agents");
      assertThat(stored.path(0).path("TTS").path("Vendor").asText()).isEqualTo(vendor);
      ok("UpdateAgent", body.deepCopy().without("Name"));
      ok("UnregisterAgent", Suite.object().put("AgentId", id));
    }
  }

  @Test
  @SuppressWarnings("deprecation") // the legacy constant is what this test is about
  void theGeneratedClientSendsAndReadsBackTheLegacyVendor() {
    Report.cover("RegisterAgent", "real-clients");
    Report.cover("QueryAgents", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    String id = "rc_client_" + Suite.unique();
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(TARGET.appId()).serverSecret(TARGET.serverSecret())
        .endpoint(TARGET.baseUrl()).build()) {
      client.agents().registerAgent(new RegisterAgentRequest().agentId(id).tts(new TTS().vendor(TTS.VendorEnum.BYTE_DANCE)
          .params(new TTSParams().app(Map.of("appid", "zego_test", "token", "zego_test", "cluster", "volcano_tts")))));
      TTS.VendorEnum back = client.agents().queryAgents(new QueryAgentsRequest().agentIds(List.of(id)))
          .getData().getAgents().get(0).getTts().getVendor();
      assertThat(back).isSameAs(TTS.VendorEnum.BYTE_DANCE);
      assertThat(back.isLegacy()).isTrue();
      client.agents().unregisterAgent(new UnregisterAgentRequest().agentId(id));
    }
  }

  @Test
  void vendorNamesInAnotherCaseAsTheVendorsOwnSamplesSendThem() {
    Report.cover("RegisterAgent", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    String tts = "/components/schemas/TTS/properties/Vendor";
    assertThat(SPEC.model().tolerance().caseInsensitiveValues()).as("x-zego-tolerance.caseInsensitiveValues").contains(tts);
    // The digital-human quick-start server and the vendor's backend sample (Bytedance), its TTS guide (Minimax).
    Map<String, ObjectNode> apps = Map.of(
        "Bytedance", Suite.object().put("appid", "zego_test").put("token", "zego_test").put("cluster", "volcano_tts"),
        "Minimax", Suite.object().put("api_key", "minimax-key").put("group_id", "g1"));
    for (Map.Entry<String, ObjectNode> v : apps.entrySet()) {
      String listed = SPEC.model().listedSpelling(tts, v.getKey()).orElseThrow();
      String id = "rc_case_" + Suite.unique();
      ObjectNode body = agentBody(id);
      ObjectNode params = body.putObject("TTS").put("Vendor", v.getKey()).putObject("Params");
      params.set("app", v.getValue());
      ok("RegisterAgent", body);
      if (TARGET.isMock()) {
        io.github.zegoaiagent.mock.control.model.JournalEntry e = io.github.zegoaiagent.mock.control.MockControlClient
            .of(TARGET.baseUrl()).journal("RegisterAgent", 0, null, null, 1).get(0);
        assertThat(e.getLegacy()).as("the mock journals the case variant")
            .contains("TTS.Vendor=" + v.getKey() + " (case variant of " + listed + ")");
      }
      ok("UnregisterAgent", Suite.object().put("AgentId", id));
    }
  }

  @Test
  void theGeneratedClientSendsTheListedSpellings() throws Exception {
    Report.cover("RegisterAgent", "real-clients");
    com.fasterxml.jackson.databind.ObjectMapper json = io.github.zegoaiagent.client.JsonCodec.newMapper();
    String tts = "/components/schemas/TTS/properties/Vendor";
    for (TTS.VendorEnum v : TTS.VendorEnum.values()) {
      String sent = json.readTree(json.writeValueAsString(new TTS().vendor(v))).path("Vendor").asText();
      assertThat(SPEC.model().listedSpelling(tts, sent)).as("%s is sent as listed: %s", v, sent).isEmpty();
    }
    assertThat(json.writeValueAsString(new TTS().vendor(TTS.VendorEnum.MINI_MAX))).contains("\"Vendor\":\"MiniMax\"");
    // Another case is refused before anything is sent (the strict face), like any unlisted value.
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(TARGET.appId()).serverSecret(TARGET.serverSecret())
        .endpoint(TARGET.baseUrl()).build()) {
      RegisterAgentRequest r = new RegisterAgentRequest().agentId("rc_strict").tts(new TTS()
          .vendor(TTS.VendorEnum.fromValue("Minimax")).params(new TTSParams().app(Map.of("api_key", "k"))));
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.agents().registerAgent(r)))
          .isInstanceOf(io.github.zegoaiagent.client.error.ZegoValidationException.class).hasMessageContaining("Minimax");
    }
  }

  @Test
  void theOldCallbackSwitchesAndASyncModeOneHistory() {
    Report.cover("CreateAgentInstance", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    ObjectNode body = instanceBody("c");
    ObjectNode cb = body.putObject("CallbackConfig");
    for (String old : List.of("ASRResult", "LLMResult", "Exception", "Interrupted", "UserSpeakAction", "AgentSpeakAction")) {
      cb.put(old, 1);
    }
    ObjectNode history = body.putObject("MessageHistory").put("SyncMode", 1).put("WindowSize", 10);
    history.putArray("Messages");
    create("CreateAgentInstance", body);
  }

  @Test
  void anUndocumentedExtraFieldIsIgnored() {
    Report.cover("SendAgentInstanceTTS", "real-clients");
    assumeTrue(agent != null, Suite.billableReason("the real-client shapes"));
    ok("SendAgentInstanceTTS", Suite.object().put("AgentInstanceId", freshInstance()).put("Text", "Welcome!")
        .put("EnqueueUserSpeech", true));
  }

  static Stream<String> actions() {
    return SPEC.actions().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void baseThirtySixNoncesOfVaryingLengthPassTheGateway(String action) {
    Report.cover(action, "real-clients");
    assumeTrue(Suite.mayChange(action), Suite.billableReason(action));
    // Math.random().toString(36).substring(2), as the vendor's sample backend signs.
    for (int length = 8; length <= 13; length++) {
      StringBuilder nonce = new StringBuilder();
      for (int i = 0; i < length; i++) {
        nonce.append(Character.forDigit(RANDOM.nextInt(36), 36));
      }
      ObjectNode body = SPEC.requestExample(action);
      Answer a = RAW.send(action, body.toString(), Tamper.none().nonce(nonce.toString()));
      assertThat(SPEC.layerOf(a.code())).as("nonce %s on %s: %s", nonce, action, a).isNotEqualTo("gateway");
      LimitsIT.cleanUp(action, body, a);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Every optional top-level property of the action's request set to null. */
  private static ObjectNode allOptionalNull(String action, ObjectNode body) {
    JsonNode schema = SPEC.requestSchema(action);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    schema.path("properties").fieldNames().forEachRemaining(p -> {
      if (!required.contains(p)) {
        body.putNull(p);
      }
    });
    return body;
  }

  private static ObjectNode agentBody(String id) {
    ObjectNode body = Suite.object().put("AgentId", id).put("Name", "Real client " + id);
    body.putObject("LLM").put("Url", "https://api.openai.com/v1/chat/completions").put("ApiKey", "sk-real-client")
        .put("Model", "gpt-4o-mini");
    ObjectNode tts = body.putObject("TTS").put("Vendor", "MiniMax");
    tts.putObject("Params").put("model", "speech-02-hd").putObject("app").put("api_key", "minimax-key");
    return body;
  }

  private static ObjectNode instanceBody(String n) {
    String u = Suite.unique() + n;
    ObjectNode body = Suite.object().put("AgentId", agent).put("UserId", "u" + u);
    body.putObject("RTC").put("RoomId", "r" + u).put("AgentStreamId", "as" + u).put("AgentUserId", "au" + u)
        .put("UserStreamId", "us" + u);
    return body;
  }

  /**
   * A new instance of the fixture agent. (Created per test: the derived checks send the contract's
   * example IDs, and a mock may well have issued one of them to an earlier instance.)
   */
  private static String freshInstance() {
    return create("CreateAgentInstance", instanceBody("f"));
  }

  private static JsonNode ok(String action, ObjectNode body) {
    Answer a = RAW.post(action, body);
    assertThat(a.code()).as("%s must accept what real clients send: %s\n  request: %s", action, a, body).isZero();
    return a.data();
  }

  private static String create(String action, ObjectNode body) {
    String id = ok(action, body).path("AgentInstanceId").asText();
    INSTANCES.add(id);
    return id;
  }

  /**
   * Sends the body with the fixture agent and, where the body names an instance, a fresh instance
   * of it (so null and absent meet the same state), then deletes whatever the call or this created.
   */
  private static Answer sendAndUndo(String action, ObjectNode body) {
    String own = null;
    if (agent != null) {
      if (body.has("AgentId") && !action.equals("RegisterAgent")) {
        body.put("AgentId", agent);
      }
      if (body.has("AgentInstanceId")) {
        own = ok("CreateAgentInstance", instanceBody("o")).path("AgentInstanceId").asText();
        body.put("AgentInstanceId", own);
      }
    }
    Answer a = RAW.post(action, body);
    LimitsIT.cleanUp(action, body, a);
    if (own != null) {
      RAW.post("DeleteAgentInstance", Suite.object().put("AgentInstanceId", own));
    }
    return a;
  }
}
