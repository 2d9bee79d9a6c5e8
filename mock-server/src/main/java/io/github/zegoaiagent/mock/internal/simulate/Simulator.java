package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.values.LlmReply;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.callback.EventSink;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.generated.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceStatusData;
import io.github.zegoaiagent.mock.internal.generated.model.AgentStatus;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceData;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateAgentInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.CreateDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.CreateLiveDigitalHumanAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHumanInstanceData;
import io.github.zegoaiagent.mock.internal.generated.model.DigitalHumanInstanceResponse;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.GetAgentInstanceMsgListResponse;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.ListeningTurnRequest;
import io.github.zegoaiagent.mock.internal.generated.model.Message;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentInstanceStatusResponse;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.RegisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.RoundData;
import io.github.zegoaiagent.mock.internal.generated.model.RoundResponse;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.mock.internal.generated.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UnregisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentInstanceRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentRequest;
import io.github.zegoaiagent.mock.values.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.AppState;
import io.github.zegoaiagent.mock.values.InstanceKind;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated service behind the generated {@link ActionHandler}: agents go to
 * {@link AgentsHandler}, context to {@link ContextHandler}; instances, speech and walkie-talkie
 * turns are still here (their split is open work), as are ticking and the control hooks.
 *
 * <p>Every call runs under the state lock after replaying the transitions due at the call's
 * clock time ({@link #tick(long)}). Business refusals are {@link ApiError}s. Modelling choices
 * are listed in the module README.
 */
public final class Simulator implements ActionHandler<CallContext> {
  /** LLM URLs allowed with the test credential (reference §4.2). */
  static final Set<String> TEST_LLM_URLS = Set.of(
      "https://api.minimax.chat/v1/text/chatcompletion_v2",
      "https://ark.cn-beijing.volces.com/api/v3/chat/completions",
      "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
      "https://api.stepfun.com/v1/chat/completions");
  static final String TEST_CREDENTIAL = "zego_test";
  /** Code of AgentInstanceDeleted / Exception when the user stayed away past MaxIdleTime. */
  static final int EXCEPTION_USER_ABSENT = 1202;
  static final int EXCEPTION_KICKED = 1203;
  static final int EXCEPTION_PUBLISH_FAILED = 1206;

  private final SimulationSettings config;
  private final MockState state;
  private final ObjectMapper mapper;
  private final EventSink events;
  private final Speech speech;
  private final Instances instances;
  private final AgentsHandler agents;
  private final ContextHandler context;
  private volatile boolean addAnswerDefaultOverridden;
  private volatile Boolean addAnswerDefault;
  private final UserTurns userTurns;

  /**
   * @param config configuration
   * @param state the one state object (its monitor is the lock)
   * @param mapper JSON mapper (unknown properties ignored)
   * @param events where callback events go
   */
  public Simulator(SimulationSettings config, MockState state, ObjectMapper mapper, EventSink events) {
    this(config, state, mapper, events, LlmTurns.off());
  }

  /**
   * @param config configuration
   * @param state the one state object (its monitor is the lock)
   * @param mapper JSON mapper (unknown properties ignored)
   * @param events where callback events go
   * @param llm LLM forwarding (issue 16), or {@link LlmTurns#off()} semantics
   */
  public Simulator(SimulationSettings config, MockState state, ObjectMapper mapper, EventSink events,
      LlmTurns llm) {
    this.config = config;
    this.state = state;
    this.mapper = mapper;
    this.events = events;
    this.speech = new Speech(config, events, llm);
    this.addAnswerDefault = config.addAnswerToHistoryDefault();
    this.addAnswerDefaultOverridden = addAnswerDefault != null;
    this.instances = new Instances(state);
    this.agents = new AgentsHandler(config, state, mapper);
    this.context = new ContextHandler(config, speech, instances);
    this.userTurns = new UserTurns(speech, events,
        () -> addAnswerDefaultOverridden ? addAnswerDefault : true);
  }

  /** @param reply the simulated LLM from now on */
  public void setLlmReply(LlmReply reply) {
    speech.setReply(reply);
  }

  /** @return the state this simulator works on (lock it to read) */
  public MockState state() {
    return state;
  }

  /**
   * Replays every transition due at {@code now}: speech, graceful shutdowns, MaxIdleTime.
   * Call while holding the state lock.
   */
  public void tick(long now) {
    for (InstanceState inst : state.allInstances()) {
      playScript(inst, now);
      speech.advance(inst, now);
      if (inst.isShuttingDown() && (inst.isIdle() || now >= inst.shutdownDeadline)) {
        delete(inst, 0, now);
      } else if (inst.kind == InstanceKind.LIVE_DIGITAL_HUMAN) {
        if (now - inst.lastDriveAt >= inst.maxIdleTimeSeconds * 1000L) {
          delete(inst, EXCEPTION_USER_ABSENT, now);
        }
      } else if (!inst.userPresent && now - inst.userAbsentSince >= inst.maxIdleTimeSeconds * 1000L) {
        exception(inst, EXCEPTION_USER_ABSENT,
            "user " + inst.userId + " absent longer than MaxIdleTime (" + inst.maxIdleTimeSeconds + " s)", inst.lastRound);
        delete(inst, EXCEPTION_USER_ABSENT, now);
      }
    }
  }

  /** Plays the instance's script steps due by {@code now}, each at its own time. */
  private void playScript(InstanceState inst, long now) {
    while (inst.script.nextAt() <= now) {
      io.github.zegoaiagent.mock.internal.state.ScriptedTurns.Step step = inst.script.steps.peekFirst();
      if (!inst.userPresent && inst.kind != InstanceKind.LIVE_DIGITAL_HUMAN
          && step.at() >= inst.userAbsentSince + inst.maxIdleTimeSeconds * 1000L) {
        return; // the instance is gone by then (MaxIdleTime); deleted below
      }
      inst.script.steps.pollFirst();
      speech.advance(inst, step.at());
      switch (step.kind()) {
        case SPEAK_BEGIN -> userTurns.begin(inst, step);
        case SPEAK_END -> userTurns.end(inst, step);
        case LEAVE -> setUserPresent(inst, false, step.at());
        case JOIN -> setUserPresent(inst, true, step.at());
        default -> throw new IllegalStateException("unhandled step " + step.kind());
      }
    }
  }

  /**
   * Loads a conversation script for an instance (replacing what remains of an earlier one); its
   * times count from {@code now}. Call under the state lock.
   *
   * @throws IllegalArgumentException when the instance cannot play it
   */
  public void loadScript(InstanceState inst, io.github.zegoaiagent.mock.script.ConversationScript script, long now) {
    userTurns.load(inst, script, now);
  }

  /**
   * @param now mock-clock millis
   * @return the next time after {@code now} at which something is scheduled (a script step, a
   *     MaxIdleTime deletion), or {@link Long#MAX_VALUE}; call under the state lock
   */
  public long nextDue(long now) {
    long next = Long.MAX_VALUE;
    for (InstanceState inst : state.allInstances()) {
      long s = inst.script.nextAt();
      if (s > now) {
        next = Math.min(next, s);
      }
      if (!inst.userPresent && inst.kind != InstanceKind.LIVE_DIGITAL_HUMAN) {
        long idle = inst.userAbsentSince + inst.maxIdleTimeSeconds * 1000L;
        if (idle > now) {
          next = Math.min(next, idle);
        }
      }
    }
    return next;
  }

  // ------------------------------------------------------------------ agents (AgentsHandler)

  @Override
  public EmptyResponse registerAgent(CallContext ctx, RegisterAgentRequest req) {
    return agents.registerAgent(ctx, req);
  }

  @Override
  public EmptyResponse unregisterAgent(CallContext ctx, UnregisterAgentRequest req) {
    return agents.unregisterAgent(ctx, req);
  }

  @Override
  public EmptyResponse updateAgent(CallContext ctx, UpdateAgentRequest req) {
    return agents.updateAgent(ctx, req);
  }

  @Override
  public ListAgentsResponse listAgents(CallContext ctx, ListAgentsRequest req) {
    return agents.listAgents(ctx, req);
  }

  @Override
  public QueryAgentsResponse queryAgents(CallContext ctx, QueryAgentsRequest req) {
    return agents.queryAgents(ctx, req);
  }

  // ------------------------------------------------------------------ instances

  @Override
  public CreateAgentInstanceResponse createAgentInstance(CallContext ctx, CreateAgentInstanceRequest req) {
    InstanceState inst = createRoomInstance(ctx, InstanceKind.VOICE);
    return new CreateAgentInstanceResponse().data(new CreateAgentInstanceData().agentInstanceId(inst.id));
  }

  @Override
  public DigitalHumanInstanceResponse createDigitalHumanAgentInstance(CallContext ctx,
      CreateDigitalHumanAgentInstanceRequest req) {
    if (Boolean.TRUE.equals(ctx.body().path("AdvancedConfig").path("DisableTTS").booleanValue())) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "AdvancedConfig.DisableTTS: must not be true for a digital-human instance (it speaks through TTS)");
    }
    InstanceState inst = createRoomInstance(ctx, InstanceKind.DIGITAL_HUMAN);
    return new DigitalHumanInstanceResponse().data(new DigitalHumanInstanceData()
        .agentInstanceId(inst.id).digitalHumanConfig(digitalHumanConfig(ctx.body(), inst)));
  }

  @Override
  public DigitalHumanInstanceResponse createLiveDigitalHumanAgentInstance(CallContext ctx,
      CreateLiveDigitalHumanAgentInstanceRequest req) {
    AppState app = state.app(ctx.appId());
    AgentRecord agent = app.agents.get(req.getAgentId());
    if (agent == null) {
      throw AgentsHandler.agentNotFound(req.getAgentId());
    }
    JsonNode b = ctx.body();
    boolean cdn = ctx.sent("CDN");
    if (!cdn && !ctx.sent("RTC")) {
      throw new ApiError(Codes.DIGITAL_HUMAN_PARAMETER_INVALID,
          "RTC or CDN: one of them is required (where the live digital human broadcasts)");
    }
    checkDigitalHumanLimit(app);
    JsonNode rtc = cdn ? null : b.get("RTC"); // CDN wins when both are given
    String stream = rtc == null ? null : rtc.get("AgentStreamId").textValue();
    rejectDuplicateDigitalHumanStream(app, stream);
    String agentUser = rtc == null ? null : rtc.get("AgentUserId").textValue();
    kickDuplicateAgentUser(app, agentUser, ctx.nowMillis());
    JsonNode tts = b.has("TTS") ? b.get("TTS") : agent.tts();
    JsonNode adv = b.path("AdvancedConfig");
    boolean disableTts = adv.path("DisableTTS").asBoolean(false);
    if (tts == null && !disableTts) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "TTS: required because agent " + agent.agentId() + " has no TTS configuration");
    }
    Set<String> on = switches(b.path("CallbackConfig"));
    int maxIdle = adv.has("MaxIdleTime") ? adv.get("MaxIdleTime").intValue()
        : new io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfigLive().getMaxIdleTime();
    InstanceState inst = new InstanceState(ctx.appId(), state.newInstanceId(),
        InstanceKind.LIVE_DIGITAL_HUMAN, agent.agentId(), agent.name(), null,
        rtc == null ? null : rtc.get("RoomId").textValue(), stream, agentUser, null,
        ctx.nowMillis(), false, disableTts, 0, maxIdle, on);
    inst.tts = tts == null ? null : tts.deepCopy();
    app.instances.put(inst.id, inst);
    created(inst);
    return new DigitalHumanInstanceResponse().data(new DigitalHumanInstanceData()
        .agentInstanceId(inst.id).digitalHumanConfig(digitalHumanConfig(b, inst)));
  }

  private InstanceState createRoomInstance(CallContext ctx, InstanceKind kind) {
    AppState app = state.app(ctx.appId());
    JsonNode b = ctx.body();
    String agentId = b.get("AgentId").textValue();
    AgentRecord agent = app.agents.get(agentId);
    if (agent == null) {
      throw AgentsHandler.agentNotFound(agentId);
    }
    String userId = b.get("UserId").textValue();
    JsonNode rtc = b.get("RTC");
    String agentUserId = rtc.get("AgentUserId").textValue();
    String agentStreamId = rtc.get("AgentStreamId").textValue();
    if (agentUserId.equals(userId)) {
      throw new ApiError(Codes.INVALID_PARAMETER, "RTC.AgentUserId: must differ from UserId "
          + userId + " (the agent and the user would kick each other out of the room)");
    }
    JsonNode adv = b.path("AdvancedConfig");
    boolean disableTts = adv.path("DisableTTS").asBoolean(false);
    JsonNode llm = b.has("LLM") ? b.get("LLM") : agent.llm();
    JsonNode tts = b.has("TTS") ? b.get("TTS") : agent.tts();
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
          + "the vendor's test URLs are allowed: " + new java.util.TreeSet<>(TEST_LLM_URLS));
    }
    if (kind == InstanceKind.DIGITAL_HUMAN) {
      checkDigitalHumanLimit(app);
      rejectDuplicateDigitalHumanStream(app, agentStreamId);
    }
    long running = app.instances.values().stream()
        .filter(i -> i.kind != InstanceKind.LIVE_DIGITAL_HUMAN).count();
    if (running >= config.maxConcurrentInstances()) {
      throw new ApiError(Codes.INSTANCE_CONCURRENCY_LIMIT, "APP online instance concurrency limit: "
          + config.maxConcurrentInstances() + " instances are running");
    }
    kickDuplicateAgentUser(app, agentUserId, ctx.nowMillis());
    InstanceState streamOwner = app.instances.values().stream()
        .filter(i -> agentStreamId.equals(i.agentStreamId)).findFirst().orElse(null);

    io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfig advDefaults =
        new io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfig();
    io.github.zegoaiagent.mock.internal.generated.model.MessageHistory mhDefaults =
        new io.github.zegoaiagent.mock.internal.generated.model.MessageHistory();
    JsonNode mh = b.path("MessageHistory");
    int window = mh.has("WindowSize") ? mh.get("WindowSize").intValue() : mhDefaults.getWindowSize();
    int maxIdle = adv.has("MaxIdleTime") ? adv.get("MaxIdleTime").intValue() : advDefaults.getMaxIdleTime();
    int mode = adv.has("CommunicationMode") ? adv.get("CommunicationMode").intValue()
        : advDefaults.getCommunicationMode().getValue();
    InstanceState inst = new InstanceState(ctx.appId(), state.newInstanceId(), kind, agentId,
        agent.name(), userId, rtc.get("RoomId").textValue(), agentStreamId, agentUserId,
        rtc.get("UserStreamId").textValue(), ctx.nowMillis(),
        mode == io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfig.CommunicationModeEnum.WALKIE_TALKIE.getValue(),
        disableTts, window, maxIdle, switches(b.path("CallbackConfig")));
    inst.llm = llm.deepCopy();
    inst.tts = tts == null ? null : tts.deepCopy();
    inst.asr = b.has("ASR") ? b.get("ASR").deepCopy() : agent.asr();
    inst.interruptible = !adv.has("InterruptMode") || adv.get("InterruptMode").intValue()
        != io.github.zegoaiagent.mock.internal.generated.model.AdvancedConfig.InterruptModeEnum.NOT_INTERRUPTIBLE.getValue();
    int sync = mh.has("SyncMode") ? mh.get("SyncMode").intValue() : mhDefaults.getSyncMode().getValue();
    if (sync == 1) {
      for (JsonNode m : mh.path("Messages")) {
        speech.addContext(inst, m.get("Role").textValue(), m.get("Content").textValue());
      }
    }
    app.instances.put(inst.id, inst);
    if (streamOwner != null) {
      // Reference §6.3: the later instance cannot publish; it fails right after creation.
      exception(inst, EXCEPTION_PUBLISH_FAILED, "failed to publish stream " + agentStreamId
          + ": already published by instance " + streamOwner.id, 0);
      delete(inst, EXCEPTION_PUBLISH_FAILED, ctx.nowMillis());
    } else {
      created(inst);
    }
    return inst;
  }

  private void checkDigitalHumanLimit(AppState app) {
    long dh = app.instances.values().stream().filter(i -> i.kind != InstanceKind.VOICE).count();
    if (dh >= config.maxConcurrentDigitalHumans()) {
      throw new ApiError(Codes.DIGITAL_HUMAN_CONCURRENCY_LIMIT, "digital human concurrency limit: "
          + config.maxConcurrentDigitalHumans() + " digital-human instances are running");
    }
  }

  private void rejectDuplicateDigitalHumanStream(AppState app, String stream) {
    if (stream == null) {
      return;
    }
    for (InstanceState i : app.instances.values()) {
      if (stream.equals(i.agentStreamId)) {
        throw new ApiError(Codes.DIGITAL_HUMAN_STREAM_ID_DUPLICATE, "RTC.AgentStreamId: stream "
            + stream + " is already published by instance " + i.id);
      }
    }
  }

  /** Reference §6.3: a second instance with the same AgentUserId kicks the earlier one out. */
  private void kickDuplicateAgentUser(AppState app, String agentUserId, long now) {
    if (agentUserId == null) {
      return;
    }
    for (InstanceState i : new ArrayList<>(app.instances.values())) {
      if (agentUserId.equals(i.agentUserId)) {
        exception(i, EXCEPTION_KICKED, "kicked out of the room: AgentUserId " + agentUserId
            + " logged in again", i.lastRound);
        delete(i, EXCEPTION_KICKED, now);
      }
    }
  }

  private String digitalHumanConfig(JsonNode body, InstanceState inst) {
    JsonNode dh = body.get("DigitalHuman");
    ObjectNode cfg = mapper.createObjectNode();
    cfg.put("DigitalHumanId", dh.get("DigitalHumanId").textValue());
    ObjectNode s = cfg.putArray("Streams").addObject();
    if (inst.roomId != null) {
      s.put("RoomId", inst.roomId);
      s.put("StreamId", inst.agentStreamId);
    }
    s.put("EncodeCode", dh.path("EncodeCode").asText("H264"));
    if (dh.has("ConfigId")) {
      s.put("ConfigId", dh.get("ConfigId").textValue());
    }
    return Base64.getEncoder().encodeToString(cfg.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Set<String> switches(JsonNode callbackConfig) {
    Set<String> on = new HashSet<>();
    callbackConfig.fields().forEachRemaining(e -> {
      if (e.getValue().isInt() && e.getValue().intValue() == 1) {
        on.add(e.getKey().equals("ASRResult") ? "ASRResult" : e.getKey());
      }
    });
    return on;
  }

  private void created(InstanceState inst) {
    ObjectNode data = mapper.createObjectNode();
    data.put("CreatedTimestamp", inst.createdAt);
    events.emit(inst, "AgentInstanceCreated", data);
  }

  private void exception(InstanceState inst, int code, String message, long round) {
    ObjectNode data = mapper.createObjectNode();
    data.put("Code", code);
    data.put("Message", message);
    data.put("Round", round);
    events.emit(inst, "Exception", data);
  }

  private void delete(InstanceState inst, int code, long now) {
    state.app(inst.appId).instances.remove(inst.id);
    ObjectNode data = mapper.createObjectNode();
    data.put("Code", code);
    data.put("DeletedTimestamp", now);
    ObjectNode lat = data.putObject("LatencyData");
    lat.put("LLMTTFT", config.llmThinkTime().toMillis());
    lat.put("LLMTPS", 20.0);
    lat.put("TTSAudioFirstFrameTime", 0);
    lat.put("TotalCost", config.llmThinkTime().toMillis());
    events.emit(inst, "AgentInstanceDeleted", data);
  }

  @Override
  public EmptyResponse updateAgentInstance(CallContext ctx, UpdateAgentInstanceRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    JsonNode b = ctx.body();
    if (ctx.sent("TTS")) {
      JsonNode now = b.get("TTS");
      JsonNode old = inst.tts;
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
      inst.tts = now.deepCopy();
    }
    if (ctx.sent("LLM")) {
      inst.llm = b.get("LLM").deepCopy();
    }
    if (ctx.sent("ASR")) {
      inst.asr = b.get("ASR").deepCopy();
    }
    if (b.path("RTC").has("UserStreamId")) {
      inst.userStreamId = b.get("RTC").get("UserStreamId").textValue();
    }
    return new EmptyResponse();
  }

  @Override
  public EmptyResponse deleteAgentInstance(CallContext ctx, DeleteAgentInstanceRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    if (Boolean.TRUE.equals(req.getGracefulShutdown()) && !inst.isIdle()) {
      if (!inst.isShuttingDown()) {
        inst.shutdownDeadline = ctx.nowMillis() + req.getGracefulShutdownTimeout() * 1000L;
      }
    } else {
      delete(inst, 0, ctx.nowMillis());
    }
    return new EmptyResponse();
  }

  // ------------------------------------------------------------------ control

  @Override
  public RoundResponse sendAgentInstanceLLM(CallContext ctx, SendAgentInstanceLLMRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    refuseWhileListening(inst);
    boolean enqueue = req.getSamePriorityOption()
        == io.github.zegoaiagent.mock.internal.generated.model.SamePriorityOption.ENQUEUE;
    int prio = priority(req.getPriority());
    Speech.Decision d = Speech.decide(inst, prio, enqueue);
    if (d == Speech.Decision.ENQUEUE && inst.queue.size() >= config.enqueueMax()) {
      throw new ApiError(Codes.TRIGGER_LLM_FAILED, queueFull(inst));
    }
    boolean addAnswer = ctx.sent("AddAnswerToHistory") || !addAnswerDefaultOverridden
        ? req.getAddAnswerToHistory() : addAnswerDefault;
    SpeechItem item = new SpeechItem(++inst.lastRound, SpeechItem.Source.LLM, prio, req.getText(),
        req.getSystemPrompt(), req.getAddQuestionToHistory(), addAnswer);
    speech.apply(inst, d, item, !enqueue, Speech.REASON_LLM, ctx.nowMillis());
    return new RoundResponse().data(new RoundData().round(item.round));
  }

  @Override
  public RoundResponse sendAgentInstanceTTS(CallContext ctx, SendAgentInstanceTTSRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    if (inst.disableTts) {
      throw new ApiError(Codes.TRIGGER_TTS_FAILED,
          "TTS is disabled for instance " + inst.id + " (AdvancedConfig.DisableTTS)");
    }
    refuseWhileListening(inst);
    int prio = priority(req.getPriority());
    boolean enqueue = req.getSamePriorityOption()
        == io.github.zegoaiagent.mock.internal.generated.model.SamePriorityOption.ENQUEUE;
    if (!ctx.sent("Priority") && ctx.sent("InterruptMode")) {
      // Deprecated InterruptMode: 0 = Medium + ClearAndInterrupt, 1 = High + ClearAndInterrupt.
      prio = req.getInterruptMode().getValue() == 1 ? 2 : 1;
      enqueue = false;
    }
    Speech.Decision d = Speech.decide(inst, prio, enqueue);
    if (d == Speech.Decision.ENQUEUE && inst.queue.size() >= config.enqueueMax()) {
      throw new ApiError(Codes.TRIGGER_TTS_FAILED, queueFull(inst));
    }
    inst.lastDriveAt = ctx.nowMillis();
    SpeechItem item = new SpeechItem(++inst.lastRound, SpeechItem.Source.TTS, prio, req.getText(),
        null, false, req.getAddHistory());
    speech.apply(inst, d, item, !enqueue, Speech.REASON_TTS, ctx.nowMillis());
    return new RoundResponse().data(new RoundData().round(item.round));
  }

  private String queueFull(InstanceState inst) {
    return "SamePriorityOption Enqueue: the queue of instance " + inst.id + " is full ("
        + config.enqueueMax() + " requests waiting)";
  }

  private static int priority(io.github.zegoaiagent.mock.internal.generated.model.Priority p) {
    if (p == null) {
      return 1;
    }
    switch (p) {
      case LOW:
        return 0;
      case HIGH:
        return 2;
      default:
        return 1;
    }
  }

  private static void refuseWhileListening(InstanceState inst) {
    if (inst.listeningUser != null) {
      throw new ApiError(Codes.AGENT_LISTENING, "agent is listening: walkie-talkie turn of user "
          + inst.listeningUser + " (Round " + inst.listeningRound + ") is open; call StopListening first");
    }
  }

  @Override
  public QueryAgentInstanceStatusResponse queryAgentInstanceStatus(CallContext ctx, AgentInstanceIdRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    return new QueryAgentInstanceStatusResponse()
        .data(new AgentInstanceStatusData().status(AgentStatus.fromValue(inst.status)));
  }

  @Override
  public RoundResponse interruptAgentInstance(CallContext ctx, AgentInstanceIdRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    long round = inst.current != null ? inst.current.round : inst.lastRound;
    speech.interrupt(inst, ctx.nowMillis(), Speech.REASON_API);
    inst.queue.clear();
    if (inst.listeningUser == null) {
      speech.setStatus(inst, "IDLE", round);
    }
    return new RoundResponse().data(new RoundData().round(round));
  }

  @Override
  public GetAgentInstanceMsgListResponse getAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return context.getAgentInstanceMsgList(ctx, req);
  }

  @Override
  public EmptyResponse resetAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    return context.resetAgentInstanceMsgList(ctx, req);
  }

  @Override
  public EmptyResponse addAgentInstanceMsg(CallContext ctx, AddAgentInstanceMsgRequest req) {
    return context.addAgentInstanceMsg(ctx, req);
  }

  @Override
  public RoundResponse startListening(CallContext ctx, ListeningTurnRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    String user = walkieTalkieUser(inst, req);
    if (inst.notPublishing.contains(user)) {
      throw new ApiError(Codes.USER_NOT_PUBLISHING,
          "user " + user + " has not started publishing a stream; listening cannot start");
    }
    checkSequence(inst, user, req.getSequence());
    if (inst.listeningUser != null) {
      if (inst.listeningUser.equals(user)) {
        return round(inst.listeningRound); // repeated Start of the open turn: same Round
      }
      throw new ApiError(Codes.START_LISTENING_FAILED, "start listening failed: the turn of user "
          + inst.listeningUser + " (Round " + inst.listeningRound + ") is still open");
    }
    long now = ctx.nowMillis();
    speech.interrupt(inst, now, Speech.REASON_USER);
    inst.queue.clear();
    inst.listeningUser = user;
    inst.listeningRound = ++inst.lastRound;
    userSpeak(inst, user, "SPEAK_BEGIN");
    speech.setStatus(inst, "LISTENING", inst.listeningRound);
    return round(inst.listeningRound);
  }

  @Override
  public RoundResponse stopListening(CallContext ctx, ListeningTurnRequest req) {
    InstanceState inst = instance(ctx, req.getAgentInstanceId());
    String user = walkieTalkieUser(inst, req);
    checkSequence(inst, user, req.getSequence());
    if (inst.listeningUser == null || !inst.listeningUser.equals(user)) {
      throw new ApiError(Codes.STOP_LISTENING_FAILED, "stop listening failed: user " + user
          + " has no open turn" + (inst.listeningUser == null ? "" : " (user " + inst.listeningUser + " has)"));
    }
    long round = inst.listeningRound;
    inst.listeningUser = null;
    userSpeak(inst, user, "SPEAK_END");
    String heard = inst.userUtterance != null ? inst.userUtterance : config.userUtterance();
    if (inst.callbacksOn.contains("ASRResult")) {
      ObjectNode data = mapper.createObjectNode();
      data.put("UserId", user);
      data.put("Round", round);
      data.put("Text", heard);
      events.emit(inst, "ASRResult", data);
    }
    boolean addAnswer = addAnswerDefaultOverridden ? addAnswerDefault : true;
    SpeechItem item = new SpeechItem(round, SpeechItem.Source.TURN, 1, heard, null, true, addAnswer);
    speech.apply(inst, Speech.Decision.PLAY_NOW, item, true, Speech.REASON_USER, ctx.nowMillis());
    return round(round);
  }

  private static String walkieTalkieUser(InstanceState inst, ListeningTurnRequest req) {
    if (!inst.walkieTalkie) {
      throw new ApiError(Codes.NOT_WALKIE_TALKIE, "instance " + inst.id
          + " is not in walkie-talkie mode (create it with AdvancedConfig.CommunicationMode 2)");
    }
    return req.getUserId() != null ? req.getUserId() : inst.userId;
  }

  /** Only the latest Sequence per user counts; an older or equal one changes nothing. */
  private void checkSequence(InstanceState inst, String user, Long seq) {
    if (seq == null) {
      return;
    }
    Long latest = inst.latestSequence.get(user);
    if (latest != null && seq <= latest) {
      throw new ApiError(Codes.SEQUENCE_OUTDATED, "sequence check failed: Sequence " + seq
          + " of user " + user + " is not newer than " + latest + "; request ignored");
    }
    if (latest == null && inst.latestSequence.size() >= config.maxUsersPerInstance()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "UserId: the mock tracks at most "
          + config.maxUsersPerInstance() + " users per instance (cap maxUsersPerInstance)");
    }
    inst.latestSequence.put(user, seq);
  }

  private void userSpeak(InstanceState inst, String user, String action) {
    if (inst.callbacksOn.contains("UserSpeakAction")) {
      ObjectNode data = mapper.createObjectNode();
      data.put("UserId", user);
      data.put("Action", action);
      data.put("Round", inst.listeningRound);
      events.emit(inst, "UserSpeakAction", data);
    }
  }

  private static RoundResponse round(long r) {
    return new RoundResponse().data(new RoundData().round(r));
  }

  // ------------------------------------------------------------------ helpers

  private InstanceState instance(CallContext ctx, String id) {
    return instances.find(ctx, id);
  }

  // ------------------------------------------------------------------ control API hooks

  /**
   * @param appId App
   * @param id AgentInstanceId
   * @return the instance, or null; call under the state lock
   */
  public InstanceState find(long appId, String id) {
    return state.app(appId).instances.get(id);
  }

  /**
   * Makes a user publish a stream or stop (StartListening needs it); call under the state lock.
   *
   * @param userId user, or null for the instance's user
   */
  public void setUserPublishing(InstanceState inst, String userId, boolean publishing) {
    String u = userId != null ? userId : inst.userId;
    if (publishing) {
      inst.notPublishing.remove(u);
    } else if (inst.notPublishing.size() < config.maxUsersPerInstance()) {
      inst.notPublishing.add(u);
    }
  }

  /** Sets what the user says in the instance's next walkie-talkie turns; call under the state lock. */
  public void setUserUtterance(InstanceState inst, String text) {
    inst.userUtterance = text;
  }

  /** Marks the instance's user absent from (or back in) the room; call under the state lock. */
  public void setUserPresent(InstanceState inst, boolean present, long now) {
    if (present) {
      inst.userPresent = true;
      inst.userAbsentSince = -1;
    } else if (inst.userPresent) {
      inst.userPresent = false;
      inst.userAbsentSince = now;
    }
  }
}
