package io.github.zegoaiagent.mock.internal.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.config.CapSettings;
import io.github.zegoaiagent.mock.config.GatewaySettings;
import io.github.zegoaiagent.mock.config.HttpSettings;
import io.github.zegoaiagent.mock.config.LimitSettings;
import io.github.zegoaiagent.mock.config.LlmForwardSettings;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.config.ProxySettings;
import io.github.zegoaiagent.mock.config.SimulationSettings;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.internal.callback.CallbackDispatcher;
import io.github.zegoaiagent.mock.internal.control.ControlException;
import io.github.zegoaiagent.mock.internal.control.ControlRouter;
import io.github.zegoaiagent.mock.internal.control.InProcessControl;
import io.github.zegoaiagent.mock.internal.encode.ResponseEncoder;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.http.Endpoints;
import io.github.zegoaiagent.mock.internal.http.FrontLimits;
import io.github.zegoaiagent.mock.internal.http.HttpFront;
import io.github.zegoaiagent.mock.internal.llm.ForwardPolicy;
import io.github.zegoaiagent.mock.internal.llm.LlmContract;
import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.github.zegoaiagent.mock.internal.proxy.ValidatingProxy;
import io.github.zegoaiagent.mock.internal.route.Admission;
import io.github.zegoaiagent.mock.internal.route.Recorder;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.route.RequestPipeline;
import io.github.zegoaiagent.mock.internal.route.RequestReader;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.simulate.ConversationClock;
import io.github.zegoaiagent.mock.internal.simulate.LlmTurns;
import io.github.zegoaiagent.mock.internal.simulate.Rules;
import io.github.zegoaiagent.mock.internal.simulate.Simulator;
import io.github.zegoaiagent.mock.internal.state.ClockTimer;
import io.github.zegoaiagent.mock.internal.state.FaultPlan;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.internal.state.RateLimiter;
import io.github.zegoaiagent.mock.internal.state.RequestJournal;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.timeline.ContractWords;
import io.github.zegoaiagent.mock.internal.timeline.Timelines;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.internal.validate.RequestSchemas;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One running mock: the composition root (every part built and wired here, once) and its
 * lifecycle (the HTTP front, the clock's ticker, the worker for long requests, callback delivery,
 * LLM forwarding). {@code MockServer} is its public face; {@link #control()} is its control API
 * for callers in this JVM, {@link ControlOperations} the operations behind both that and
 * {@code /_mock/}. Every part belongs to this mock alone: nothing is shared with another mock in
 * the JVM.
 */
public final class MockRuntime implements AutoCloseable {
  /**
   * What a runtime is built from: the groups of {@code MockServerConfig}.
   *
   * @param gateway credentials, strict nonces, QPS, timestamp tolerance
   * @param limits the service's concurrency and queue limits
   * @param caps the mock's caps and memory budget
   * @param callbacks callback delivery
   * @param simulation clock, simulated LLM and voice
   * @param llmForward forwarding to the user's LLM
   * @param proxy the validating proxy (off unless an upstream is set)
   * @param http the front
   * @param log the request log
   */
  public record Settings(GatewaySettings gateway, LimitSettings limits, CapSettings caps,
      CallbackSettings callbacks, SimulationSettings simulation, LlmForwardSettings llmForward,
      ProxySettings proxy, HttpSettings http, LogSettings log) {
  }

  final Settings settings;
  final MockClock clock;
  final ObjectMapper mapper;
  final MemoryBudget budget;
  final RequestJournal journal;
  final FaultPlan faults = new FaultPlan(ActionHandler.table().keySet());
  final RateLimiter rateLimiter;
  final Gateway gateway;
  final ClockTimer timer;
  final CallbackDispatcher callbacks;
  final LlmForwarder llmForwarder;
  final Simulator simulator;
  final ConversationClock conversationClock;
  final SecretMasker masker;
  /** What happened to each instance: the dashboard's timeline ({@code GET /_mock/instances/{id}/timeline}). */
  final Timelines timelines;
  private final HttpFront front;
  /** The validating proxy when an upstream is set, else null (the mock simulates). */
  final ValidatingProxy proxy;
  private final ExecutorService worker;
  private final ScheduledExecutorService ticker;
  private final RequestListener requestLog;
  private final URI baseUrl;
  private final ControlOperations operations;
  private final MockControl control;

  /**
   * Builds the mock and starts serving.
   *
   * @param s the settings
   * @throws IOException when the port cannot be bound
   */
  public MockRuntime(Settings s) throws IOException {
    this.settings = s;
    this.clock = s.simulation().clock();
    this.mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    this.requestLog = RequestLog.of(s.log());
    PrintStream console = s.log().log() == LogSettings.Mode.REQUESTS ? s.log().out() : System.err;
    this.budget = new MemoryBudget(s.caps().memoryBudget(), console);
    Map<String, ActionHandler.Action<CallContext>> table = ActionHandler.table();
    Map<String, String> schemaPaths = new LinkedHashMap<>();
    table.values().forEach(a -> schemaPaths.put(a.name(), a.requestPath()));
    Contract contract = Contract.load();
    this.masker = new SecretMasker(mapper, contract.model());
    this.journal = new RequestJournal(s.caps().journalSize(), s.caps().journalBytes(), budget.account());
    this.rateLimiter = new RateLimiter(s.gateway().qpsLimit());
    this.gateway = new Gateway(table.keySet(), s.gateway().credentials(), clock,
        s.gateway().timestampToleranceSeconds(), s.gateway().strict());
    this.timer = new ClockTimer(clock);
    this.timelines = new Timelines(clock::millis, masker::maskByName, new ContractWords(contract.model()),
        budget.account());
    CallbackSettings cb = s.callbacks();
    this.callbacks = new CallbackDispatcher(mapper, timer, cb.url(), cb.secret(), cb.retryDelays(), cb.timeout(),
        cb.queueSize(), s.caps().recordedEventsSize(), CallbackDispatcher.DEFAULT_PARALLELISM, budget.account(),
        timelines);
    LlmForwardSettings f = s.llmForward();
    LlmContract llmContract = LlmContract.of(contract.model());
    this.llmForwarder = new LlmForwarder(new ForwardPolicy(f.enabled(), f.allowHosts(), f.timeout(),
        f.maxLineBytes(), f.maxStreamBytes()), llmContract, budget);
    this.simulator = new Simulator(new Rules(s.limits(), s.caps(), s.simulation()), new MockState(budget), mapper,
        callbacks, new LlmTurns(llmForwarder, llmContract, clock::millis));
    this.conversationClock = new ConversationClock(clock, simulator, llmForwarder, this::tick);
    ResponseEncoder encoder = new ResponseEncoder(mapper);
    RequestSchemas schemas = new RequestSchemas(schemaPaths);
    schemas.warmUpInBackground();
    RequestPipeline pipeline = new RequestPipeline(table, new Admission(gateway, faults, rateLimiter),
        new RequestReader(mapper, schemas), simulator, encoder,
        new Recorder(journal, masker, RequestListener.both(requestLog, timelines), s.http().maxBodyBytes()), clock,
        s.http().maxBodyBytes());
    this.operations = new ControlOperations(this);
    this.control = new InProcessControl(operations);
    this.worker = worker(s.http().threads());
    HttpSettings h = s.http();
    Endpoints.Control router = null;
    if (h.controlApiEnabled()) {
      ControlRouter r = new ControlRouter(operations, mapper, h.controlApiRemoteAllowed(), budget, timelines);
      router = new Endpoints.Control() {
        @Override
        public io.github.zegoaiagent.mock.internal.http.Answer answer(String method, String rawPath,
            java.net.InetSocketAddress remote, Map<String, String> headers, byte[] body, boolean bodyTooLarge) {
          return r.answer(method, rawPath, remote, headers, body, bodyTooLarge);
        }

        @Override
        public boolean mayWait(String method, String rawPath) {
          return ControlRouter.mayWait(method, rawPath);
        }
      };
    }
    Function<String, byte[]> frontError = message -> encoder.error(Codes.BODY_UNREADABLE,
        "failed to read HTTP request: " + message, encoder.nextRequestId());
    this.proxy = s.proxy().enabled()
        ? new ValidatingProxy(s.proxy(), s.callbacks(), s.http().maxBodyBytes(), requestLog, frontError) : null;
    Endpoints endpoints = new Endpoints(proxy != null ? proxy : pipeline::handle, ControlRouter.PREFIX, router,
        frontError,
        e -> encoder.error(Codes.SYSTEM_ERROR, "system error in the mock ("
            + e.getClass().getSimpleName() + "); please report it", encoder.nextRequestId()),
        timer::after, worker, budget);
    try {
      this.front = new HttpFront(h.bindAddress(), h.port(), h.threads(),
          new FrontLimits(h.headerTimeout(), h.bodyTimeout(), h.idleTimeout(), h.maxConnections(),
              h.maxRequestLineBytes(), h.maxHeaderBytes(), h.maxBodyBytes()),
          endpoints);
    } catch (IOException | RuntimeException e) {
      worker.shutdownNow();
      if (proxy != null) {
        proxy.close(); // its recording and threads
      }
      closeParts();
      throw e;
    }
    String host = h.bindAddress().equals("0.0.0.0") || h.bindAddress().equals("::") ? "127.0.0.1" : h.bindAddress();
    this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + front.port() + "/");
    this.ticker = clock.isRunning() && !s.simulation().autoTick().isZero() ? ticker(s.simulation().autoTick().toMillis()) : null;
  }

  /** The worker: requests that take long (a large body, a control call that may wait) run here. */
  private static ExecutorService worker(int threads) {
    int n = Math.max(2, threads);
    ThreadPoolExecutor w = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "zego-mock-work");
      t.setDaemon(true);
      return t;
    });
    w.allowCoreThreadTimeOut(true);
    return w;
  }

  private ScheduledExecutorService ticker(long periodMillis) {
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, "zego-mock-clock");
      th.setDaemon(true);
      return th;
    });
    t.scheduleAtFixedRate(this::autoTick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return t;
  }

  /** @return e.g. {@code http://127.0.0.1:54321/} */
  public URI baseUrl() {
    return baseUrl;
  }

  /** @return the bound port */
  public int port() {
    return front.port();
  }

  /** @return HTTP connections open now */
  public int openConnections() {
    return front.openConnections();
  }

  /** @return the control API for callers in this JVM (validated like {@code /_mock/}) */
  public MockControl control() {
    return control;
  }

  /**
   * Loads a conversation script (checked by its own constructor) for a running instance.
   *
   * @return mock-clock millis at which it ends
   * @throws MockControlException 404 when the instance does not run, 400 when it cannot play
   *     it, 409 when it does not fit in the memory budget
   */
  public long loadScript(String agentInstanceId, ConversationScript script) {
    try {
      return operations.loadScript(agentInstanceId, script);
    } catch (ControlException e) {
      throw new MockControlException("POST", "/_mock/instances/" + agentInstanceId + "/script", e.status(),
          e.getMessage(), null);
    }
  }

  /** @param reply the simulated LLM from now on */
  public void setSimulatedLlm(SimulatedLlm reply) {
    simulator.setLlmReply(reply);
  }

  /**
   * @param url where callbacks go from the next attempt on, or null to only record them
   * @param secret their secret from now on, or null to keep it
   * @throws IllegalArgumentException for a URL that is not absolute http(s) or an empty secret
   */
  public void setCallbackTarget(URI url, String secret) {
    operations.setCallbackTarget(url, secret);
    timelines.touch();
  }

  /** @return where callbacks are delivered now, or null */
  public URI callbackUrl() {
    return callbacks.url();
  }

  /** @return the drift report as Markdown (empty of exchanges when the mock simulates) */
  public String driftMarkdown() {
    return operations.driftMarkdown();
  }

  /** @return the memory budget */
  public MemoryBudget budget() {
    return budget;
  }

  /** @return requests sent to users' LLM endpoints so far */
  public long llmRequestsSent() {
    return llmForwarder.sent();
  }

  /** Replays what came due (every instance, each under its own lock), then due timer tasks. */
  void tick() {
    simulator.tick(clock.millis());
    timer.pump(); // callback retries and delayed answers that came due
  }

  /** The running clock's ticker: like {@link #tick}, skipping instances busy right now. */
  private void autoTick() {
    try {
      simulator.tickFree(clock.millis());
    } catch (RuntimeException e) {
      // The auto-ticker must survive a bug; the next request reports it as 410000001.
    }
    timer.pump();
  }

  /**
   * Forgets every agent and instance, the journal, planned faults, QPS windows, strict-mode
   * nonces, recorded and pending callbacks, and rewinds the clock to its start; answers still held
   * back are sent. Afterwards the mock holds nothing of its memory budget but what a new request
   * brings.
   */
  void reset() {
    simulator.reset();
    journal.clear();
    faults.clear();
    rateLimiter.clear();
    gateway.reset();
    callbacks.reset();
    timelines.clear();
    clock.rewind();
    timer.runAll();
  }

  /** Stops the HTTP front, the clock ticker, the worker and callback delivery. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    front.close();
    if (proxy != null) {
      proxy.close(); // after the front: no exchange is answered any more; writes the Markdown report
    }
    worker.shutdownNow();
    closeParts();
  }

  private void closeParts() {
    callbacks.close();
    timer.close();
    llmForwarder.close();
    if (requestLog instanceof RequestLog log) {
      log.close(); // after the front: no request is answered any more
    }
  }
}
