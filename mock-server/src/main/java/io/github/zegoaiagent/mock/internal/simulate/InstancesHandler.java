package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfig;
import io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfigLive;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceStatusData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentStatus;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceData;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.CreateDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateLiveDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHuman;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHumanInstanceData;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHumanInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.Message;
import io.github.zegoaiagent.mock.internal.generated.model.MessageHistory;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentInstanceStatusResponse;
import io.github.zegoaiagent.mock.internal.generated.model.RTC;
import io.github.zegoaiagent.mock.internal.generated.model.RTCLive;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.github.zegoaiagent.mock.internal.state.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.AppState;
import io.github.zegoaiagent.mock.internal.state.InstanceKind;
import io.github.zegoaiagent.mock.internal.state.InstanceIdentity;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instances aggregate: CreateAgentInstance, CreateDigitalHumanAgentInstance,
 * CreateLiveDigitalHumanAgentInstance, UpdateAgentInstance, DeleteAgentInstance,
 * QueryAgentInstanceStatus on the typed requests, with the concurrency limits and the uniqueness
 * rules of reference §6.3. The create actions run under the App's create lock (other instances of
 * the App are locked one at a time, to kick one out); the others under the instance's lock. A new
 * instance is charged to the memory budget before it exists: without room the create action
 * answers its "create failed" code.
 *
 * <p>Raw view: the LLM, TTS and ASR objects and CallbackConfig are read from {@code ctx.body()}
 * (the schema-valid JSON), because the instance keeps its configuration exactly as sent: the
 * generated {@code LLM}/{@code TTS} models would add their defaults (Temperature, ...) and
 * re-shape vendor pass-through {@code Params}. Everything else comes from the typed request.
 */
final class InstancesHandler {
  /** LLM URLs allowed with the test credential (reference §4.2). */
  static final Set<String> TEST_LLM_URLS = Set.of(
      "https://api.minimax.chat/v1/text/chatcompletion_v2",
      "https://ark.cn-beijing.volces.com/api/v3/chat/completions",
      "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
      "https://api.stepfun.com/v1/chat/completions");
  static final String TEST_CREDENTIAL = "zego_test";
  /** Code of AgentInstanceDeleted / Exception when a second login kicked the instance out. */
  static final int EXCEPTION_KICKED = 1203;
  /** Code of AgentInstanceDeleted / Exception when the stream could not be published. */
  static final int EXCEPTION_PUBLISH_FAILED = 1206;

  private final Rules config;
  private final MockState state;
  private final ObjectMapper mapper;
  private final Instances instances;
  private final InstanceEvents events;
  private final Speech speech;
  private final ContractDefaults defaults;

  InstancesHandler(Rules config, MockState state, ObjectMapper mapper,
      Instances instances, InstanceEvents events, Speech speech, ContractDefaults defaults) {
    this.config = config;
    this.state = state;
    this.mapper = mapper;
    this.instances = instances;
    this.events = events;
    this.speech = speech;
    this.defaults = defaults;
  }

  /** The fields voice and digital-human create requests share (two generated types, one shape). */
  private record RoomRequest(String agentId, String userId, RTC rtc, AdvancedConfig adv,
      MessageHistory history) {
  }

  public CreateAgentInstanceResponse createAgentInstance(CallContext ctx, AppState app, AgentRecord agent,
      CreateAgentInstanceRequest req) {
    InstanceState inst = createRoomInstance(ctx, app, agent, new RoomRequest(req.getAgentId(), req.getUserId(),
        req.getRTC(), req.getAdvancedConfig(), req.getMessageHistory()), InstanceKind.VOICE);
    return new CreateAgentInstanceResponse().data(new CreateAgentInstanceData().agentInstanceId(inst.id()));
  }

  public DigitalHumanInstanceResponse createDigitalHumanAgentInstance(CallContext ctx, AppState app,
      AgentRecord agent, CreateDigitalHumanAgentInstanceRequest req) {
    if (req.getAdvancedConfig() != null && Boolean.TRUE.equals(req.getAdvancedConfig().getDisableTTS())) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "AdvancedConfig.DisableTTS: must not be true for a digital-human instance (it speaks through TTS)");
    }
    InstanceState inst = createRoomInstance(ctx, app, agent, new RoomRequest(req.getAgentId(), req.getUserId(),
        req.getRTC(), req.getAdvancedConfig(), req.getMessageHistory()), InstanceKind.DIGITAL_HUMAN);
    return new DigitalHumanInstanceResponse().data(new DigitalHumanInstanceData()
        .agentInstanceId(inst.id()).digitalHumanConfig(digitalHumanConfig(req.getDigitalHuman(), inst)));
  }

  public DigitalHumanInstanceResponse createLiveDigitalHumanAgentInstance(CallContext ctx, AppState app,
      AgentRecord agent, CreateLiveDigitalHumanAgentInstanceRequest req) {
    if (agent == null) {
      throw AgentsHandler.agentNotFound(req.getAgentId());
    }
    boolean cdn = req.getCDN() != null;
    if (!cdn && req.getRTC() == null) {
      throw new ApiError(Codes.DIGITAL_HUMAN_PARAMETER_INVALID,
          "RTC or CDN: one of them is required (where the live digital human broadcasts)");
    }
    checkDigitalHumanLimit(app);
    RTCLive rtc = cdn ? null : req.getRTC(); // CDN wins when both are given
    String stream = rtc == null ? null : rtc.getAgentStreamId();
    rejectDuplicateDigitalHumanStream(app, stream);
    String agentUser = rtc == null ? null : rtc.getAgentUserId();
    JsonNode tts = ctx.sent("TTS") ? ctx.body().get("TTS") : agent.tts();
    AdvancedConfigLive adv = req.getAdvancedConfig();
    boolean disableTts = adv != null && Boolean.TRUE.equals(adv.getDisableTTS());
    if (tts == null && !disableTts) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "TTS: required because agent " + agent.agentId() + " has no TTS configuration");
    }
    Account memory = charged(null, tts, null, Codes.DIGITAL_HUMAN_INSTANCE_CREATE_FAILED);
    kickDuplicateAgentUser(app, agentUser, ctx.nowMillis());
    int maxIdle = adv != null && adv.getMaxIdleTime() != null ? adv.getMaxIdleTime() : defaults.maxIdleTimeLive;
    InstanceState inst = new InstanceState(new InstanceIdentity(ctx.appId(), state.newInstanceId(),
        InstanceKind.LIVE_DIGITAL_HUMAN, agent.agentId(), agent.name(), null,
        rtc == null ? null : rtc.getRoomId(), stream, agentUser, ctx.nowMillis()), state.nextSequence(),
        null, false, disableTts, 0, maxIdle, switches(ctx.body().path("CallbackConfig")),
        null, tts, null, memory);
    Locks.instance(inst, () -> {
      app.addInstance(inst);
      events.created(inst);
    });
    return new DigitalHumanInstanceResponse().data(new DigitalHumanInstanceData()
        .agentInstanceId(inst.id()).digitalHumanConfig(digitalHumanConfig(req.getDigitalHuman(), inst)));
  }

  /** @return a new account holding what an instance with these configurations costs, or the create action's refusal */
  private Account charged(JsonNode llm, JsonNode tts, JsonNode asr, int code) {
    Account memory = state.budget().account();
    long need = InstanceState.baseBytes(llm, tts, asr);
    if (!memory.tryCharge(need, "a new instance")) {
      throw new ApiError(code, "creating the agent instance failed: " + state.budget().refusal()
          + " (an instance with this configuration needs " + MemoryBudget.mib(need)
          + "); delete instances or unregister agents first");
    }
    return memory;
  }

  private InstanceState createRoomInstance(CallContext ctx, AppState app, AgentRecord agent, RoomRequest req,
      InstanceKind kind) {
    String agentId = req.agentId();
    if (agent == null) {
      throw AgentsHandler.agentNotFound(agentId);
    }
    String userId = req.userId();
    RTC rtc = req.rtc();
    String agentUserId = rtc.getAgentUserId();
    String agentStreamId = rtc.getAgentStreamId();
    if (agentUserId.equals(userId)) {
      throw new ApiError(Codes.INVALID_PARAMETER, "RTC.AgentUserId: must differ from UserId "
          + userId + " (the agent and the user would kick each other out of the room)");
    }
    AdvancedConfig adv = req.adv();
    boolean disableTts = adv != null && Boolean.TRUE.equals(adv.getDisableTTS());
    JsonNode b = ctx.body();
    JsonNode llm = ctx.sent("LLM") ? b.get("LLM") : agent.llm();
    JsonNode tts = ctx.sent("TTS") ? b.get("TTS") : agent.tts();
    if (llm == null) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "LLM: required because agent " + agentId + " has no LLM configuration");
    }
    if (tts == null && !disableTts) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "TTS: required because agent " + agentId + " has no TTS configuration");
    }
    if (TEST_CREDENTIAL.equals(llm.path("ApiKey").asText(null))
        && !TEST_LLM_URLS.contains(llm.path("Url").asText(""))) {
      throw new ApiError(Codes.LLM_TEST_URL_NOT_ALLOWED, "LLM.Url: with ApiKey \"zego_test\" only "
          + "the vendor's test URLs are allowed: " + new TreeSet<>(TEST_LLM_URLS));
    }
    if (kind == InstanceKind.DIGITAL_HUMAN) {
      checkDigitalHumanLimit(app);
      rejectDuplicateDigitalHumanStream(app, agentStreamId);
    }
    long running = app.instances().stream()
        .filter(i -> i.kind() != InstanceKind.LIVE_DIGITAL_HUMAN).count();
    if (running >= config.limits().maxConcurrentInstances()) {
      throw new ApiError(Codes.INSTANCE_CONCURRENCY_LIMIT, "APP online instance concurrency limit: "
          + config.limits().maxConcurrentInstances() + " instances are running");
    }
    JsonNode asr = ctx.sent("ASR") ? b.get("ASR") : agent.asr();
    Account memory = charged(llm, tts, asr, kind == InstanceKind.VOICE ? Codes.INSTANCE_CREATE_FAILED
        : Codes.DIGITAL_HUMAN_INSTANCE_CREATE_FAILED);
    kickDuplicateAgentUser(app, agentUserId, ctx.nowMillis());
    InstanceState streamOwner = app.instances().stream()
        .filter(i -> agentStreamId.equals(i.agentStreamId())).findFirst().orElse(null);

    MessageHistory mh = req.history();
    int window = mh != null && mh.getWindowSize() != null ? mh.getWindowSize() : defaults.windowSize;
    int maxIdle = adv != null && adv.getMaxIdleTime() != null ? adv.getMaxIdleTime() : defaults.maxIdleTime;
    int mode = adv != null && adv.getCommunicationMode() != null
        ? adv.getCommunicationMode().getValue() : defaults.communicationMode;
    InstanceState inst = new InstanceState(new InstanceIdentity(ctx.appId(), state.newInstanceId(), kind,
        agentId, agent.name(), userId, rtc.getRoomId(), agentStreamId, agentUserId, ctx.nowMillis()),
        state.nextSequence(), rtc.getUserStreamId(),
        mode == AdvancedConfig.CommunicationModeEnum.WALKIE_TALKIE.getValue(),
        disableTts, window, maxIdle, switches(b.path("CallbackConfig")), llm, tts, asr, memory);
    // InterruptMode 1: user speech does not cut the agent (scripted turns, issue 16)
    inst.setInterruptible(adv == null || adv.getInterruptMode() == null
        || adv.getInterruptMode() != AdvancedConfig.InterruptModeEnum.NOT_INTERRUPTIBLE);
    int sync = mh != null && mh.getSyncMode() != null ? mh.getSyncMode().getValue() : defaults.syncMode;
    Locks.instance(inst, () -> {
      if (sync == MessageHistory.SyncModeEnum.MESSAGES.getValue() && mh.getMessages() != null) {
        for (Message m : mh.getMessages()) {
          speech.addContext(inst, m.getRole().getValue(), m.getContent());
        }
      }
      app.addInstance(inst);
      if (streamOwner != null) {
        // Reference §6.3: the later instance cannot publish; it fails right after creation.
        events.exception(inst, EXCEPTION_PUBLISH_FAILED, "failed to publish stream " + agentStreamId
            + ": already published by instance " + streamOwner.id(), 0);
        instances.remove(inst, EXCEPTION_PUBLISH_FAILED, ctx.nowMillis());
      } else {
        events.created(inst);
      }
    });
    return inst;
  }

  private void checkDigitalHumanLimit(AppState app) {
    long dh = app.instances().stream().filter(i -> i.kind() != InstanceKind.VOICE).count();
    if (dh >= config.limits().maxConcurrentDigitalHumans()) {
      throw new ApiError(Codes.DIGITAL_HUMAN_CONCURRENCY_LIMIT, "digital human concurrency limit: "
          + config.limits().maxConcurrentDigitalHumans() + " digital-human instances are running");
    }
  }

  private void rejectDuplicateDigitalHumanStream(AppState app, String stream) {
    if (stream == null) {
      return;
    }
    for (InstanceState i : app.instances()) {
      if (stream.equals(i.agentStreamId())) {
        throw new ApiError(Codes.DIGITAL_HUMAN_STREAM_ID_DUPLICATE, "RTC.AgentStreamId: stream "
            + stream + " is already published by instance " + i.id());
      }
    }
  }

  /** Reference §6.3: a second instance with the same AgentUserId kicks the earlier one out. */
  private void kickDuplicateAgentUser(AppState app, String agentUserId, long now) {
    if (agentUserId == null) {
      return;
    }
    for (InstanceState i : app.instances()) {
      if (agentUserId.equals(i.agentUserId())) {
        Locks.instance(i, () -> {
          if (!i.ended()) {
            events.exception(i, EXCEPTION_KICKED, "kicked out of the room: AgentUserId " + agentUserId
                + " logged in again", i.lastRound());
            instances.remove(i, EXCEPTION_KICKED, now);
          }
        });
      }
    }
  }

  /**
   * DigitalHumanConfig: Base64 of the JSON the client SDK needs to play the avatar. Its inner
   * shape is not a contract schema (the contract types it as a string), so it is built here.
   */
  private String digitalHumanConfig(DigitalHuman dh, InstanceState inst) {
    ObjectNode cfg = mapper.createObjectNode();
    cfg.put("DigitalHumanId", dh.getDigitalHumanId());
    ObjectNode s = cfg.putArray("Streams").addObject();
    if (inst.roomId() != null) {
      s.put("RoomId", inst.roomId());
      s.put("StreamId", inst.agentStreamId());
    }
    s.put("EncodeCode", dh.getEncodeCode() != null ? dh.getEncodeCode().getValue() : defaults.encodeCode);
    if (dh.getConfigId() != null) {
      s.put("ConfigId", dh.getConfigId().getValue());
    }
    return Base64.getEncoder().encodeToString(cfg.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Raw view: each CallbackConfig switch is named after the event it turns on (the contract's
   * convention), so the names of the switches that are 1 are the events to send.
   */
  private static Set<String> switches(JsonNode callbackConfig) {
    Set<String> on = new HashSet<>();
    callbackConfig.properties().forEach(e -> {
      if (e.getValue().isInt() && e.getValue().intValue() == 1) {
        on.add(e.getKey());
      }
    });
    return on;
  }

  public EmptyResponse updateAgentInstance(CallContext ctx, InstanceState inst, UpdateAgentInstanceRequest req) {
    JsonNode b = ctx.body(); // raw view: configurations are compared and kept as sent (class doc)
    if (ctx.sent("TTS")) {
      JsonNode now = b.get("TTS");
      JsonNode old = inst.tts();
      for (String fixed : List.of("Vendor", "FilterText", "TerminatorText", "CharacterFilter")) {
        JsonNode was = old == null ? null : old.get(fixed);
        JsonNode is = now.get(fixed);
        boolean changed = fixed.equals("Vendor") ? was != null && !was.equals(is)
            : is != null && !is.equals(was);
        if (changed) {
          throw new ApiError(Codes.INSTANCE_UPDATE_FAILED, "TTS." + fixed
              + ": cannot be changed on a running instance (current: " + (was == null ? "none" : was) + ")");
        }
      }
    }
    if (!inst.reconfigure(ctx.sent("LLM") ? b.get("LLM") : null, ctx.sent("TTS") ? b.get("TTS") : null,
        ctx.sent("ASR") ? b.get("ASR") : null, req.getRTC() == null ? null : req.getRTC().getUserStreamId())) {
      throw new ApiError(Codes.INSTANCE_UPDATE_FAILED, "updating the agent instance failed: "
          + state.budget().refusal() + "; nothing changed");
    }
    return new EmptyResponse();
  }

  public EmptyResponse deleteAgentInstance(CallContext ctx, InstanceState inst, DeleteAgentInstanceRequest req) {
    if (Boolean.TRUE.equals(req.getGracefulShutdown()) && !inst.isIdle()) {
      inst.beginShutdown(ctx.nowMillis() + req.getGracefulShutdownTimeout() * 1000L);
    } else {
      instances.remove(inst, 0, ctx.nowMillis());
    }
    return new EmptyResponse();
  }

  public QueryAgentInstanceStatusResponse queryAgentInstanceStatus(CallContext ctx, InstanceState inst,
      AgentInstanceIdRequest req) {
    return new QueryAgentInstanceStatusResponse()
        .data(new AgentInstanceStatusData().status(AgentStatus.fromValue(inst.status().wireValue())));
  }
}
