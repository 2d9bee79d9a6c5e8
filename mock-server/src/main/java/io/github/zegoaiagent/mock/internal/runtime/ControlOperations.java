package io.github.zegoaiagent.mock.internal.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.model.Agent;
import io.github.zegoaiagent.mock.control.model.CallbackTarget;
import io.github.zegoaiagent.mock.control.model.CallbackTargetInForce;
import io.github.zegoaiagent.mock.control.model.Callbacks;
import io.github.zegoaiagent.mock.control.model.Changes;
import io.github.zegoaiagent.mock.control.model.DriftReport;
import io.github.zegoaiagent.mock.control.model.DriftReportWritten;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.ClockReading;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.Health;
import io.github.zegoaiagent.mock.control.model.Info;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import io.github.zegoaiagent.mock.control.model.LlmReply;
import io.github.zegoaiagent.mock.control.model.LlmReplyInForce;
import io.github.zegoaiagent.mock.control.model.Names;
import io.github.zegoaiagent.mock.control.model.QpsLimit;
import io.github.zegoaiagent.mock.control.model.ResetResult;
import io.github.zegoaiagent.mock.control.model.Script;
import io.github.zegoaiagent.mock.control.model.ScriptLoaded;
import io.github.zegoaiagent.mock.control.model.SpokenText;
import io.github.zegoaiagent.mock.control.model.Timeline;
import io.github.zegoaiagent.mock.control.model.TimelineSummary;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import io.github.zegoaiagent.mock.internal.control.ControlException;
import io.github.zegoaiagent.mock.internal.drift.DriftLedger;
import io.github.zegoaiagent.mock.internal.drift.DriftMarkdown;
import io.github.zegoaiagent.mock.internal.state.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.ContextEntry;
import io.github.zegoaiagent.mock.internal.state.FaultPlan;
import io.github.zegoaiagent.mock.internal.state.InstanceView;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.state.PlannedFault;
import io.github.zegoaiagent.mock.internal.state.SpokenLine;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The control API's operations on one running mock ({@link MockControl}, generated from
 * {@code mock-control.yaml}), behind both {@code /_mock/} and the in-process control of
 * {@code MockServer}. Bodies arrive schema-valid (every integer within its bounds); what the
 * document cannot say (an instance that does not run, a full fault plan, the memory budget) is a
 * {@link ControlException} with its status. Answers are fresh models; credentials are masked.
 */
final class ControlOperations implements MockControl {
  private static final ObjectMapper SCRIPT_JSON = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.USE_DEFAULTS));

  /** Reads the proxy's report into the control model (same JSON names). */
  private static final ObjectMapper DRIFT = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  /** The report of a mock that simulates: no upstream, nothing seen. */
  private static final DriftLedger NO_DRIFT = new DriftLedger(null, java.time.Clock.systemUTC());

  private final MockRuntime mock;

  ControlOperations(MockRuntime mock) {
    this.mock = mock;
  }

  @Override
  public Health health() {
    return new Health().status("ok");
  }

  @Override
  public Info info() {
    URI callbackUrl = mock.callbacks.url();
    return new Info().baseUrl(mock.baseUrl().toString())
        .appIds(new ArrayList<>(mock.settings.gateway().credentials().keySet()))
        .strict(mock.settings.gateway().strict()).clockMillis(mock.clock.millis())
        .callbackUrl(callbackUrl == null ? null : callbackUrl.toString())
        .memoryBudgetBytes(mock.budget.limit()).memoryUsedBytes(Math.max(0, mock.budget.used()));
  }

  @Override
  public ResetResult reset() {
    mock.reset();
    return new ResetResult().reset(true);
  }

  @Override
  public List<Agent> agents() {
    List<Agent> out = new ArrayList<>();
    for (Long app : mock.settings.gateway().credentials().keySet()) {
      for (AgentRecord r : mock.simulator.agents(app)) {
        out.add(new Agent().appId(app).agentId(r.agentId()).name(r.name())
            .llm(mock.masker.maskPart("RegisterAgent", "LLM", r.llm()))
            .tts(mock.masker.maskPart("RegisterAgent", "TTS", r.tts()))
            .asr(mock.masker.maskPart("RegisterAgent", "ASR", r.asr())));
      }
    }
    return out;
  }

  @Override
  public List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    mock.simulator.snapshots(mock.clock.millis()).forEach(v -> out.add(instance(v)));
    return out;
  }

  @Override
  public Instance instance(String agentInstanceId) {
    return instance(running(agentInstanceId));
  }

  private InstanceView running(String id) {
    return mock.simulator.snapshot(id, mock.clock.millis())
        .orElseThrow(() -> new ControlException(404, "no running instance " + id));
  }

  private Instance instance(InstanceView v) {
    List<ContextMessage> context = new ArrayList<>(v.context().size());
    for (ContextEntry e : v.context()) {
      context.add(new ContextMessage().role(e.role()).content(e.content()));
    }
    List<SpokenText> spoken = new ArrayList<>(v.spoken().size());
    for (SpokenLine t : v.spoken()) {
      spoken.add(new SpokenText().round(t.round()).source(t.source()).text(t.text()).playedText(t.playedText())
          .interrupted(t.interrupted()).startedAtMillis(t.startedAtMillis()));
    }
    return new Instance().appId(v.id().appId()).agentInstanceId(v.id().id()).kind(v.id().kind().name())
        .agentId(v.id().agentId()).userId(v.id().userId()).roomId(v.id().roomId())
        .agentStreamId(v.id().agentStreamId()).agentUserId(v.id().agentUserId()).userStreamId(v.userStreamId())
        .status(v.status().wireValue()).lastRound(v.lastRound()).context(context).spokenTexts(spoken)
        .queued(v.queued()).listeningUser(v.listeningUser()).userPresent(v.userPresent())
        .shuttingDown(v.shuttingDown()).walkieTalkie(v.walkieTalkie())
        .llm(mock.masker.maskPart("CreateAgentInstance", "LLM", v.llm()))
        .tts(mock.masker.maskPart("CreateAgentInstance", "TTS", v.tts()));
  }

  @Override
  public Instance simulateUser(String agentInstanceId, UserSimulation user) {
    try {
      mock.simulator.simulateUser(agentInstanceId, user.getPresent(), user.getUserId(), user.getPublishing(),
          user.getUtterance(), mock.clock.millis());
    } catch (NoSuchElementException e) {
      throw new ControlException(404, e.getMessage());
    } catch (IllegalStateException full) {
      throw new ControlException(409, full.getMessage());
    }
    if (user.getPresent() != null) {
      mock.timelines.user(agentInstanceId, user.getPresent() ? "The user joins the room"
          : "The user leaves the room (MaxIdleTime counts from here)");
    }
    if (user.getPublishing() != null) {
      mock.timelines.user(agentInstanceId, (user.getUserId() == null ? "The user" : "User " + user.getUserId())
          + (user.getPublishing() ? " publishes a stream" : " stops publishing (StartListening answers 410001046)"));
    }
    if (user.getUtterance() != null) {
      mock.timelines.user(agentInstanceId, "The user's next walkie-talkie turn will say \u201c"
          + user.getUtterance() + "\u201d");
    }
    return instance(agentInstanceId);
  }

  @Override
  public ScriptLoaded loadScript(String agentInstanceId, Script script) {
    running(agentInstanceId);
    ConversationScript parsed;
    try {
      // One reader of the script format: the schema-valid body goes through the public parser,
      // which also checks what the schema cannot (overlapping utterances, endAt before the end).
      parsed = ConversationScript.fromTree(SCRIPT_JSON.valueToTree(script));
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "script: " + e.getMessage());
    }
    long now = mock.clock.millis();
    long end = loadScript(agentInstanceId, parsed);
    return new ScriptLoaded().agentInstanceId(agentInstanceId).events(parsed.events().size())
        .startsAtMillis(now).endsAtMillis(end);
  }

  /**
   * Loads a script for an instance; its times count from now on the mock clock.
   *
   * @return mock-clock millis at which it ends
   * @throws ControlException 404 (not running), 400 (cannot play it, or ends after year 9999), 409 (memory)
   */
  long loadScript(String agentInstanceId, ConversationScript parsed) {
    long now = mock.clock.millis();
    if (parsed.endAt().toMillis() > MockClock.LATEST - now) {
      throw new ControlException(400, "script: endAt " + parsed.endAt().toMillis()
          + " ms from now would end after the mock clock's last day (year 9999)");
    }
    try {
      mock.simulator.loadScript(agentInstanceId, parsed, now);
    } catch (NoSuchElementException e) {
      throw new ControlException(404, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "script: " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new ControlException(409, e.getMessage());
    }
    mock.timelines.scriptLoaded(agentInstanceId, parsed, now);
    return now + parsed.endAt().toMillis();
  }

  @Override
  public List<JournalEntry> journal(String action, Integer code, Long since, Long until, Integer limit) {
    List<JournalRecord> kept = new ArrayList<>();
    for (JournalRecord e : mock.journal.entries()) {
      if ((action == null || action.equals(e.action())) && (code == null || code == e.code())
          && (since == null || e.atMillis() >= since) && (until == null || e.atMillis() < until)) {
        kept.add(e);
      }
    }
    List<JournalRecord> latest = limit == null || kept.size() <= limit ? kept : kept.subList(kept.size() - limit, kept.size());
    List<JournalEntry> out = new ArrayList<>();
    for (JournalRecord e : latest) {
      out.add(new JournalEntry().sequence(e.sequence()).atMillis(e.atMillis()).method(e.method()).path(e.path())
          .query(e.query()).action(e.action()).appId(e.appId()).body(e.body()).code(e.code())
          .message(e.message()).requestId(e.requestId()).unknownFields(new ArrayList<>(e.unknownFields()))
          .legacy(new ArrayList<>(e.legacy())));
    }
    return out;
  }

  @Override
  public List<Fault> faults() {
    List<Fault> out = new ArrayList<>();
    for (PlannedFault f : mock.faults.pending()) {
      out.add(new Fault().action(f.action()).count(f.count()).code(f.code()).message(f.message())
          .delayMillis(f.delayMillis()));
    }
    return out;
  }

  @Override
  public List<Fault> addFault(Fault f) {
    try {
      mock.faults.add(new PlannedFault(f.getAction(), f.getCount(), f.getCode(), f.getMessage(), f.getDelayMillis()));
    } catch (IllegalStateException full) {
      throw new ControlException(409, full.getMessage() + " (" + FaultPlan.MAX_FAULTS
          + "); DELETE /_mock/faults or let planned calls happen first");
    } catch (IllegalArgumentException unknownAction) {
      throw new ControlException(400, "fault: " + unknownAction.getMessage());
    }
    return faults();
  }

  @Override
  public List<Fault> clearFaults() {
    mock.faults.clear();
    return faults();
  }

  @Override
  public ClockReading readClock() {
    return new ClockReading().millis(mock.clock.millis());
  }

  @Override
  public ClockReading advanceClock(ClockAdvance advance) {
    try {
      mock.conversationClock.advance(Duration.ofMillis(advance.getMillis()));
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "millis: " + e.getMessage());
    }
    return readClock();
  }

  @Override
  public LlmReplyInForce setLlmReply(LlmReply reply) {
    String fixed = reply.getReply();
    mock.simulator.setLlmReply(fixed == null ? SimulatedLlm.echo() : SimulatedLlm.fixed(fixed));
    return new LlmReplyInForce().reply(fixed == null ? "(echo)" : fixed);
  }

  @Override
  public QpsLimit setQpsLimit(QpsLimit limit) {
    mock.rateLimiter.setLimit(limit.getLimit());
    return new QpsLimit().limit(limit.getLimit());
  }

  @Override
  public CallbackTargetInForce setCallbackTarget(CallbackTarget target) {
    URI url;
    try {
      url = target.getUrl() == null ? null : new URI(target.getUrl());
      setCallbackTarget(url, target.getSecret());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ControlException(400, "url: not an absolute http or https URL"); // never echoes the secret
    }
    URI now = mock.callbacks.url();
    return new CallbackTargetInForce().url(now == null ? null : now.toString());
  }

  /**
   * @param url where callbacks go from the next attempt on, or null to only record them
   * @param secret their secret from now on, or null to keep it
   * @throws IllegalArgumentException for a URL that is not absolute http(s) or an empty secret
   */
  void setCallbackTarget(URI url, String secret) {
    if (url != null) {
      CallbackSettings.URL.check(url);
    }
    if (secret != null) {
      CallbackSettings.SECRET.check(secret);
    }
    mock.callbacks.retarget(url, secret);
  }

  @Override
  public Callbacks callbacks() {
    List<JsonNode> events = new ArrayList<>();
    mock.callbacks.recorded().forEach(e -> events.add(mock.masker.maskByName(e)));
    return new Callbacks().delivered(mock.callbacks.delivered()).failedAttempts(mock.callbacks.failedAttempts())
        .dropped(mock.callbacks.dropped()).pending(mock.callbacks.pending()).events(events);
  }

  @Override
  public DriftReport drift() {
    return DRIFT.convertValue(mock.proxy == null ? NO_DRIFT.report(null) : mock.proxy.report(), DriftReport.class);
  }

  @Override
  public DriftReport clearDrift() {
    if (mock.proxy != null) {
      mock.proxy.clear();
    }
    return drift();
  }

  @Override
  public DriftReportWritten writeDriftReport() {
    Path file;
    try {
      file = mock.proxy == null ? null : mock.proxy.writeReport();
    } catch (UncheckedIOException e) {
      throw new ControlException(409, e.getMessage() + ": " + e.getCause().getMessage());
    }
    return new DriftReportWritten().path(file == null ? null : file.toString()).markdown(driftMarkdown());
  }

  /** @return the drift report as Markdown (empty of exchanges when the mock simulates) */
  String driftMarkdown() {
    return mock.proxy == null ? DriftMarkdown.render(NO_DRIFT.report(null), "Drift report") : mock.proxy.markdown();
  }

  @Override
  public Changes changes() {
    return new Changes().version(mock.timelines.version()).clockMillis(mock.clock.millis());
  }

  @Override
  public Names names() {
    return mock.timelines.words().names();
  }

  @Override
  public List<TimelineSummary> timelines() {
    Set<String> running = new HashSet<>();
    mock.simulator.snapshots(mock.clock.millis()).forEach(v -> running.add(v.id().id()));
    return mock.timelines.summaries(running);
  }

  @Override
  public Timeline timeline(String agentInstanceId) {
    Instance now = mock.simulator.snapshot(agentInstanceId, mock.clock.millis()).map(this::instance).orElse(null);
    return mock.timelines.timeline(agentInstanceId, now).orElseThrow(() -> new ControlException(404,
        "the mock knows nothing of instance " + clip(agentInstanceId) + " (never named in a request, or "
            + "forgotten after a reset or beyond the timeline's bounds)"));
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "\u2026";
  }

  @Override
  public String toString() {
    return "ControlOperations[" + mock.baseUrl() + "]";
  }
}
