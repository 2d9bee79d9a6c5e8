package io.github.zegoaiagent.mock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.config.HttpSettings;
import io.github.zegoaiagent.mock.config.LlmForwardSettings;
import io.github.zegoaiagent.mock.internal.llm.ForwardPolicy;
import io.github.zegoaiagent.mock.internal.llm.LlmContract;
import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.internal.llm.LlmRequestBuilder;
import io.github.zegoaiagent.mock.internal.simulate.ConversationClock;
import io.github.zegoaiagent.mock.internal.simulate.LlmTurns;
import io.github.zegoaiagent.mock.internal.callback.CallbackDispatcher;
import io.github.zegoaiagent.mock.values.CallbackStats;
import io.github.zegoaiagent.mock.internal.control.ControlHttpHandler;
import io.github.zegoaiagent.mock.internal.control.MockControl;
import io.github.zegoaiagent.mock.internal.decode.BodyDecoder;
import io.github.zegoaiagent.mock.internal.encode.ResponseEncoder;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.http.Endpoints;
import io.github.zegoaiagent.mock.internal.http.FrontLimits;
import io.github.zegoaiagent.mock.internal.http.HttpFront;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.route.RequestPipeline;
import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.internal.simulate.Simulator;
import io.github.zegoaiagent.mock.values.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.ClockTimer;
import io.github.zegoaiagent.mock.values.Fault;
import io.github.zegoaiagent.mock.internal.state.FaultPlan;
import io.github.zegoaiagent.mock.values.InstanceSnapshot;
import io.github.zegoaiagent.mock.values.JournalEntry;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.internal.state.RateLimiter;
import io.github.zegoaiagent.mock.internal.state.RequestJournal;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.timeline.ContractWords;
import io.github.zegoaiagent.mock.internal.timeline.Timelines;
import io.github.zegoaiagent.mock.internal.validate.RequestValidator;
import io.github.zegoaiagent.mock.internal.drift.DriftLedger;
import io.github.zegoaiagent.mock.internal.drift.DriftMarkdown;
import io.github.zegoaiagent.mock.internal.proxy.ValidatingProxy;
import io.github.zegoaiagent.mock.values.DriftReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running simulator of the AI Agent server API: the embeddable entry point.
 *
 * <pre>{@code
 * try (MockServer mock = MockServer.start()) {
 *   URI api = mock.baseUrl();          // POST api + "?Action=...&AppId=...&..." (signed)
 *   long appId = mock.appId();         // with mock.serverSecret()
 *   ...
 *   mock.advanceClock(Duration.ofSeconds(5));   // let the agent finish speaking
 *   mock.instances();                            // inspect
 * }
 * }</pre>
 *
 * <p>Thread-safe. Inspection methods return immutable snapshots. The control API over HTTP
 * ({@code /_mock/...}) offers the same operations.
 *
 * <p>(Over 400 lines on purpose: this is the public facade, one documented method per thing a
 * test can inspect or steer, each a line or two delegating to the internal parts; the
 * constructor is the composition root. The behaviour lives in {@code internal.*}.)
 */
public final class MockServer implements AutoCloseable, MockControl {
  /** Path prefix of the HTTP control API. */
  public static final String CONTROL_PREFIX = ControlHttpHandler.PREFIX;

  private final MockServerConfig config;
  private final ObjectMapper mapper;
  private final MockState state = new MockState();
  private final RequestJournal journal;
  private final FaultPlan faults = new FaultPlan();
  private final RateLimiter rateLimiter;
  private final Gateway gateway;
  private final CallbackDispatcher callbacks;
  private final Simulator simulator;
  private final HttpFront front;
  private final ScheduledExecutorService ticker;
  private final URI baseUrl;
  private final SecretMasker masker;
  private final ClockTimer timer;
  private final RequestListener requestLog;
  private final LlmForwarder llmForwarder;
  private final ConversationClock conversationClock;
  /** The validating proxy when {@code config.proxy()} names an upstream, else null (the mock simulates). */
  private final ValidatingProxy proxy;
  private final DriftLedger noDrift = new DriftLedger(null, java.time.Clock.systemUTC());
  /** What happened to each instance: the dashboard's timeline (GET /_mock/instances/{id}/timeline). */
  private final Timelines timelines;

  private MockServer(MockServerConfig config) throws IOException {
    this.config = config;
    this.mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    Map<String, ActionHandler.Action<CallContext>> table = ActionHandler.table();
    Map<String, String> schemaPaths = new LinkedHashMap<>();
    table.values().forEach(a -> schemaPaths.put(a.name(), a.requestPath()));
    this.masker = new SecretMasker(mapper, io.github.zegoaiagent.mock.internal.validate.Contract.load().model());
    this.journal = new RequestJournal(config.caps().journalSize(), config.caps().journalBytes());
    this.rateLimiter = new RateLimiter(config.gateway().qpsLimit());
    this.gateway = new Gateway(table.keySet(), config.credentials(), clock(),
        config.gateway().timestampToleranceSeconds(), config.gateway().strict());
    this.timer = new ClockTimer(clock());
    this.timelines = new Timelines(() -> clock().millis(), masker::maskByName,
        new ContractWords(io.github.zegoaiagent.mock.internal.validate.Contract.load().model()));
    CallbackSettings cb = config.callbacks();
    this.callbacks = new CallbackDispatcher(mapper, timer, cb.url(), cb.secret(), cb.retryDelays(), cb.timeout(),
        cb.queueSize(), config.caps().recordedEventsSize(), CallbackDispatcher.DEFAULT_PARALLELISM, timelines);
    LlmForwardSettings f = config.llmForward();
    LlmContract llmContract = LlmContract.of(io.github.zegoaiagent.mock.internal.validate.Contract.load().model());
    this.llmForwarder = new LlmForwarder(new ForwardPolicy(f.enabled(), f.allowHosts(), f.timeout(),
        f.maxLineBytes(), f.maxStreamBytes()), llmContract);
    this.simulator = new Simulator(new SimulationView(config), state, mapper, callbacks,
        new LlmTurns(llmForwarder, new LlmRequestBuilder(llmContract), state, () -> clock().millis()));
    this.conversationClock = new ConversationClock(clock(), simulator, llmForwarder, this::tick);
    ResponseEncoder encoder = new ResponseEncoder(mapper);
    RequestValidator validator = new RequestValidator(schemaPaths);
    validator.warmUpInBackground();
    this.requestLog = RequestLog.of(config.log());
    RequestPipeline pipeline = new RequestPipeline(table, gateway, faults, rateLimiter,
        new BodyDecoder(mapper), validator, mapper, simulator, encoder,
        journal, clock(), config.http().maxBodyBytes(), masker, RequestListener.both(requestLog, timelines));
    ControlHttpHandler control = config.http().controlApiEnabled()
        ? new ControlHttpHandler(this, mapper, config.http().controlApiRemoteAllowed(), timelines) : null;
    java.util.function.Function<String, byte[]> frontError = message -> encoder.error(Codes.BODY_UNREADABLE,
        "failed to read HTTP request: " + message, encoder.nextRequestId());
    this.proxy = config.proxy().enabled() ? new ValidatingProxy(config.proxy(), config.callbacks(),
        config.http().maxBodyBytes(), requestLog, frontError) : null;
    Endpoints endpoints = new Endpoints(
        proxy != null ? proxy : req -> {
          byte[] envelope = pipeline.handle(req);
          return new Answer(200, envelope, pipeline.takeAnswerDelayMillis());
        },
        CONTROL_PREFIX, control == null ? null : control::answer,
        frontError,
        e -> encoder.error(Codes.SYSTEM_ERROR, "system error in the mock ("
            + e.getClass().getSimpleName() + "); please report it", encoder.nextRequestId()),
        timer::after);
    HttpSettings l = config.http();
    try {
      this.front = new HttpFront(l.bindAddress(), l.port(), l.threads(),
          new FrontLimits(l.headerTimeout(), l.bodyTimeout(), l.idleTimeout(), l.maxConnections(),
              l.maxRequestLineBytes(), l.maxHeaderBytes(), l.maxBodyBytes()),
          endpoints);
    } catch (IOException | RuntimeException e) {
      if (proxy != null) {
        proxy.close(); // its recording and threads
      }
      throw e;
    }
    String host = l.bindAddress().equals("0.0.0.0") || l.bindAddress().equals("::")
        ? "127.0.0.1" : l.bindAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.baseUrl = URI.create("http://" + host + ":" + front.port() + "/");
    if (clock().isRunning() && !config.simulation().autoTick().isZero()) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zego-mock-clock");
        t.setDaemon(true);
        return t;
      });
      long p = config.simulation().autoTick().toMillis();
      ticker.scheduleAtFixedRate(this::tick, p, p, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /**
   * Starts a server with the default configuration (random port, loopback, one random
   * AppId/ServerSecret pair).
   *
   * @return the running server
   */
  public static MockServer start() {
    return start(MockServerConfig.builder().build());
  }

  /**
   * @param config configuration
   * @return the running server
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static MockServer start(MockServerConfig config) {
    try {
      return new MockServer(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the mock on " + config.http().bindAddress() + ":"
          + config.http().port(), e);
    }
  }

  /** @return e.g. {@code http://127.0.0.1:54321/}; append {@code ?Action=...} */
  public URI baseUrl() {
    return baseUrl;
  }

  /** @return the bound port */
  public int port() {
    return front.port();
  }

  /**
   * @return HTTP connections open now (kept-alive, in progress or not yet timed out); at most
   *     {@link HttpSettings#maxConnections()}
   */
  public int openConnections() {
    return front.openConnections();
  }

  /** @return the configuration */
  public MockServerConfig config() {
    return config;
  }

  /** @return the AppIds served, in configuration order */
  @Override
  public java.util.Set<Long> appIds() {
    return config.credentials().keySet();
  }

  /** @return whether strict nonce checks are on */
  @Override
  public boolean strictNonces() {
    return config.gateway().strict();
  }

  /** @return where callbacks are delivered now, or null (see {@link #setCallbackTarget}) */
  @Override
  public URI callbackUrl() {
    return callbacks.url();
  }

  /**
   * Changes where callbacks are delivered and the secret they are signed with, from the next
   * delivery attempt on (waiting deliveries and retries included): for example to an
   * application's callback endpoint once its web server has its port.
   *
   * @param url an http or https URL, or null to only record events (waiting deliveries are then
   *     given up and counted as dropped)
   * @param secret the callback secret from now on, or null to keep the current one
   * @throws IllegalArgumentException for a URL that is not absolute http(s) or an empty secret
   */
  @Override
  public void setCallbackTarget(URI url, String secret) {
    if (url != null) {
      CallbackSettings.URL.check(url);
    }
    if (secret != null) {
      CallbackSettings.SECRET.check(secret);
    }
    callbacks.retarget(url, secret);
  }

  /** @return the first configured AppId */
  public long appId() {
    return config.credentials().keySet().iterator().next();
  }

  /** @return the ServerSecret of {@link #appId()} (for signing; never logged by the mock) */
  public String serverSecret() {
    return config.credentials().get(appId());
  }

  /** @return the simulation clock */
  public MockClock clock() {
    return config.simulation().clock();
  }

  /**
   * Builds a signed request URI for {@link #appId()}, as a client would (fresh 16-hex nonce,
   * current clock time). Handy for raw-HTTP tests.
   *
   * @param action the Action
   * @return base URL with Action and the five signed parameters
   */
  public URI signedUri(String action) {
    byte[] n = new byte[8];
    new SecureRandom().nextBytes(n);
    String nonce = HexFormat.of().formatHex(n);
    long ts = Math.floorDiv(clock().millis(), 1000);
    String sig = Signatures.sign(appId(), nonce, serverSecret(), ts);
    return URI.create(baseUrl + "?Action=" + URLEncoder.encode(action, StandardCharsets.UTF_8)
        + "&AppId=" + appId() + "&SignatureNonce=" + nonce + "&Timestamp=" + ts + "&Signature="
        + sig + "&SignatureVersion=2.0");
  }

  /**
   * Forgets agents, instances, the journal, planned faults, QPS windows, strict-mode nonces and
   * recorded callbacks. The clock, configuration and LLM reply stay.
   */
  public void reset() {
    simulator.reset();
    journal.clear();
    faults.clear();
    rateLimiter.clear();
    gateway.reset();
    callbacks.clearRecorded();
    timelines.clear();
  }

  /**
   * Moves the simulation clock and applies what became due (speech ends, idle deletions, script
   * steps, ...), stopping at each scheduled moment on the way; with LLM forwarding on it first
   * waits (at most the exchange deadline) for the user's LLM to answer turns in flight, so
   * {@code advanceClock(Duration.ZERO)} lets answers arrive without moving the clock.
   *
   * @param d how far
   */
  public void advanceClock(Duration d) {
    conversationClock.advance(d);
  }

  /**
   * Loads a conversation script for a running instance; its times count from now on the mock
   * clock, and it plays as the clock moves ({@link #advanceClock}, or by itself with a running
   * clock). A script loaded later for the same instance replaces what remains of this one.
   *
   * @param agentInstanceId id
   * @param script the script
   * @return mock-clock millis at which the script ends ({@code now + script.endAt()})
   * @throws NoSuchElementException when the instance does not run
   * @throws IllegalArgumentException when the instance cannot play it (walkie-talkie speech)
   */
  @Override
  public long loadScript(String agentInstanceId, io.github.zegoaiagent.mock.script.ConversationScript script) {
    long now = clock().millis();
    simulator.loadScript(agentInstanceId, script, now);
    timelines.scriptLoaded(agentInstanceId, script, now);
    return now + script.endAt().toMillis();
  }

  /**
   * Loads a script and moves the clock to its end, so every event and its callbacks have
   * happened when this returns (use with a fixed clock; see {@link #loadScript}).
   *
   * @param agentInstanceId id
   * @param script the script
   */
  public void runScript(String agentInstanceId, io.github.zegoaiagent.mock.script.ConversationScript script) {
    long end = loadScript(agentInstanceId, script);
    advanceClock(Duration.ofMillis(Math.max(0, end - clock().millis())));
  }

  /** @return requests sent to users' LLM endpoints so far (always 0 with forwarding off) */
  public long llmRequestsSent() {
    return llmForwarder.sent();
  }

  private void tick() {
    try {
      synchronized (state) {
        simulator.tick(clock().millis());
      }
    } catch (RuntimeException e) {
      // The auto-ticker must survive a bug; the next request reports it as 410000001.
    }
    timer.pump(); // callback retries and delayed answers that came due
  }

  /**
   * @return agents of {@link #appId()}, sorted by AgentId; credentials ({@code x-zego-secret})
   *     masked as {@code ***} (QueryAgents on the wire returns them as stored)
   */
  public List<AgentRecord> agents() {
    return agents(appId());
  }

  /**
   * @param appId App
   * @return its agents, sorted by AgentId, credentials masked
   */
  public List<AgentRecord> agents(long appId) {
    List<AgentRecord> stored = simulator.agents(appId);
    List<AgentRecord> out = new ArrayList<>(stored.size());
    for (AgentRecord r : stored) {
      out.add(new AgentRecord(r.agentId(), r.name(), masker.maskPart("RegisterAgent", "LLM", r.llm()),
          masker.maskPart("RegisterAgent", "TTS", r.tts()), masker.maskPart("RegisterAgent", "ASR", r.asr())));
    }
    return out;
  }

  private InstanceSnapshot masked(InstanceSnapshot s) {
    return s.withConfig(masker.maskPart("CreateAgentInstance", "LLM", s.llm()),
        masker.maskPart("CreateAgentInstance", "TTS", s.tts()));
  }

  /** @return every running instance of every App, in creation order per App */
  public List<InstanceSnapshot> instances() {
    tick();
    List<InstanceSnapshot> out = new ArrayList<>();
    simulator.snapshots().forEach(i -> out.add(masked(i)));
    return out;
  }

  /**
   * @param agentInstanceId id
   * @return the instance now, if it runs
   */
  public Optional<InstanceSnapshot> instance(String agentInstanceId) {
    tick();
    return simulator.snapshot(agentInstanceId).map(this::masked);
  }

  /**
   * @param agentInstanceId id
   * @return the instance now
   * @throws NoSuchElementException when it does not run
   */
  public InstanceSnapshot requireInstance(String agentInstanceId) {
    return instance(agentInstanceId).orElseThrow(() ->
        new NoSuchElementException("no running instance " + agentInstanceId));
  }

  /** @return the latest requests, oldest first (Signature masked) */
  public List<JournalEntry> journal() {
    return journal.entries();
  }

  /** @param fault fault for the next calls of its action */
  public void injectFault(Fault fault) {
    faults.add(fault);
  }

  /** @return faults not yet consumed */
  public List<Fault> faults() {
    return faults.pending();
  }

  /** Drops every planned fault. */
  public void clearFaults() {
    faults.clear();
  }

  /** @param qps requests per second per action and App; 0 = off */
  public void setQpsLimit(int qps) {
    rateLimiter.setLimit(qps);
  }

  /** @param reply the simulated LLM from now on */
  public void setLlmReply(LlmReply reply) {
    simulator.setLlmReply(reply);
  }

  /**
   * Makes the instance's user leave or (re)join the room. After MaxIdleTime of absence the
   * instance is deleted (AgentInstanceDeleted, Code 1202).
   *
   * @param agentInstanceId id
   * @param present whether the user is in the room
   */
  public void setUserPresent(String agentInstanceId, boolean present) {
    simulator.setUserPresent(agentInstanceId, present, clock().millis());
    timelines.user(agentInstanceId, present ? "The user joins the room"
        : "The user leaves the room (MaxIdleTime counts from here)");
  }

  /**
   * @param agentInstanceId id
   * @param userId user (null = the instance's UserId)
   * @param publishing whether the user publishes a stream (StartListening needs it)
   */
  public void setUserPublishing(String agentInstanceId, String userId, boolean publishing) {
    simulator.setUserPublishing(agentInstanceId, userId, publishing, clock().millis());
    timelines.user(agentInstanceId, (userId == null ? "The user" : "User " + userId)
        + (publishing ? " publishes a stream" : " stops publishing (StartListening answers 410001046)"));
  }

  /**
   * @param agentInstanceId id
   * @param text what the user says in the instance's next walkie-talkie turns
   */
  public void setUserUtterance(String agentInstanceId, String text) {
    simulator.setUserUtterance(agentInstanceId, text, clock().millis());
    timelines.user(agentInstanceId, "The user's next walkie-talkie turn will say \u201c" + text + "\u201d");
  }

  /**
   * @return callback events produced so far (latest ones, unsigned, properties named like a
   *     contract secret masked), oldest first
   */
  public List<JsonNode> callbacks() {
    List<JsonNode> out = new ArrayList<>();
    callbacks.recorded().forEach(e -> out.add(masker.maskByName(e)));
    return out;
  }

  /** @return delivery counters */
  public CallbackStats callbackStats() {
    return new CallbackStats(callbacks.delivered(), callbacks.failedAttempts(),
        callbacks.dropped(), callbacks.pending());
  }


  /**
   * @return what the validating proxy saw (exchanges, drift per action and kind, one masked
   *     example each); empty, with no upstream, when the mock simulates
   */
  @Override
  public DriftReport driftReport() {
    return proxy == null ? noDrift.report(null) : proxy.report();
  }

  /** Forgets the drift counts (a recording goes on). */
  @Override
  public void clearDrift() {
    if (proxy != null) {
      proxy.clear();
    }
  }

  /** @return the drift report as Markdown (the file {@link #writeDriftReport()} writes) */
  @Override
  public String driftMarkdown() {
    return proxy == null ? DriftMarkdown.render(driftReport(), "Drift report") : proxy.markdown();
  }

  /**
   * Writes the Markdown drift report to {@code config.proxy().driftReport()} (it is also written
   * at {@link #close()}).
   *
   * @return the file, or null when the mock simulates or no report file is configured
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  @Override
  public java.nio.file.Path writeDriftReport() {
    return proxy == null ? null : proxy.writeReport();
  }

  /**
   * Stops the HTTP front, the clock ticker and callback delivery; a validating proxy writes its
   * Markdown report (when configured) and closes its recording.
   */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    front.close();
    if (proxy != null) {
      proxy.close(); // after the front: no exchange is answered any more
    }
    callbacks.close();
    timer.close();
    llmForwarder.close();
    if (requestLog instanceof RequestLog log) {
      log.close(); // after the front: no request is answered any more
    }
  }

  @Override
  public String toString() {
    return "MockServer[" + baseUrl + ", " + config + "]";
  }
}
