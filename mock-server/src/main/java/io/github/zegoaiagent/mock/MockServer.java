package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.config.HttpSettings;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.Agent;
import io.github.zegoaiagent.mock.control.model.CallbackTarget;
import io.github.zegoaiagent.mock.control.model.CallbackTargetInForce;
import io.github.zegoaiagent.mock.control.model.Callbacks;
import io.github.zegoaiagent.mock.control.model.Changes;
import io.github.zegoaiagent.mock.control.model.DriftReport;
import io.github.zegoaiagent.mock.control.model.DriftReportWritten;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.ClockReading;
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
import io.github.zegoaiagent.mock.control.model.Timeline;
import io.github.zegoaiagent.mock.control.model.TimelineSummary;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import io.github.zegoaiagent.mock.internal.control.ControlRouter;
import io.github.zegoaiagent.mock.internal.gateway.Signatures;
import io.github.zegoaiagent.mock.internal.runtime.MockRuntime;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A running simulator of the AI Agent server API, embedded in this JVM: the public face of one
 * mock (its parts are built and owned by an internal runtime; nothing is shared with another
 * mock). It implements {@link MockControl}, the same control API the HTTP client
 * {@link io.github.zegoaiagent.mock.control.MockControlClient} implements for a standalone or
 * containerised mock, with the same checks and statuses ({@link MockControlException}).
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
 * <p>Thread-safe. Every answer is a fresh value of {@code io.github.zegoaiagent.mock.control.model}.
 */
public final class MockServer implements MockControl, AutoCloseable {
  /** Path prefix of the HTTP control API. */
  public static final String CONTROL_PREFIX = ControlRouter.PREFIX;

  private final MockServerConfig config;
  private final MockRuntime runtime;
  private final MockControl control;

  private MockServer(MockServerConfig config) throws IOException {
    this.config = config;
    this.runtime = new MockRuntime(new MockRuntime.Settings(config.gateway(), config.limits(), config.caps(),
        config.callbacks(), config.simulation(), config.llmForward(), config.proxy(), config.http(), config.log()));
    this.control = runtime.control();
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
    return runtime.baseUrl();
  }

  /** @return the bound port */
  public int port() {
    return runtime.port();
  }

  /**
   * @return HTTP connections open now (kept-alive, in progress or not yet timed out); at most
   *     {@link HttpSettings#maxConnections()}
   */
  public int openConnections() {
    return runtime.openConnections();
  }

  /** @return the configuration */
  public MockServerConfig config() {
    return config;
  }

  /** @return the first configured AppId */
  public long appId() {
    return config.credentials().keySet().iterator().next();
  }

  /** @return the ServerSecret of {@link #appId()} (for signing; never logged by the mock) */
  public String serverSecret() {
    return config.credentials().get(appId());
  }

  /** @return the simulation clock (give {@code clock().asClock()} to a client) */
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
    return URI.create(baseUrl() + "?Action=" + URLEncoder.encode(action, StandardCharsets.UTF_8)
        + "&AppId=" + appId() + "&SignatureNonce=" + nonce + "&Timestamp=" + ts + "&Signature="
        + sig + "&SignatureVersion=2.0");
  }

  // ------------------------------------------------------------------ Java-only conveniences

  /**
   * Moves the simulation clock forward ({@link #advanceClock(ClockAdvance)} with milliseconds).
   *
   * @param d how far (at most ten years per call)
   * @return the clock after the move
   * @throws MockControlException 400 for a negative or too long duration (the clock never moves back;
   *     {@link #reset()} rewinds it)
   */
  public ClockReading advanceClock(Duration d) {
    long millis;
    try {
      millis = d.toMillis();
    } catch (ArithmeticException tooLong) {
      millis = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE; // refused by the document's bounds
    }
    return advanceClock(new ClockAdvance().millis(millis));
  }

  /**
   * Loads a conversation script for a running instance; its times count from now on the mock
   * clock, and it plays as the clock moves. A script loaded later for the same instance replaces
   * what remains of this one.
   *
   * @return mock-clock millis at which the script ends ({@code now + script.endAt()})
   * @throws MockControlException 404 when the instance does not run, 400 when it cannot play it
   *     (walkie-talkie speech), 409 when it does not fit in the memory budget
   */
  public long loadScript(String agentInstanceId, ConversationScript script) {
    return runtime.loadScript(agentInstanceId, script);
  }

  /**
   * Loads a script and moves the clock to its end, so every event and its callbacks have
   * happened when this returns (use with a fixed clock; see {@link #loadScript(String, ConversationScript)}).
   */
  public void runScript(String agentInstanceId, ConversationScript script) {
    long end = loadScript(agentInstanceId, script);
    advanceClock(Duration.ofMillis(Math.max(0, end - clock().millis())));
  }

  /** @param reply the simulated LLM from now on (a Java function; over HTTP: {@link #setLlmReply(LlmReply)}) */
  public void setLlmReply(SimulatedLlm reply) {
    runtime.setSimulatedLlm(reply);
  }

  /**
   * Changes where callbacks are delivered and the secret they are signed with, from the next
   * delivery attempt on (waiting deliveries and retries included): for example to an
   * application's callback endpoint once its web server has its port
   * ({@link #setCallbackTarget(CallbackTarget)} with Java types).
   *
   * @param url an http or https URL, or null to only record events (waiting deliveries are then
   *     given up and counted as dropped)
   * @param secret the callback secret from now on, or null to keep the current one
   * @throws IllegalArgumentException for a URL that is not absolute http(s) or an empty secret
   */
  public void setCallbackTarget(URI url, String secret) {
    runtime.setCallbackTarget(url, secret);
  }

  /** @return where callbacks are delivered now, or null ({@code info().getCallbackUrl()} as a URI) */
  public URI callbackUrl() {
    return runtime.callbackUrl();
  }

  /**
   * @return the drift report as Markdown (what {@link #writeDriftReport()} writes), empty of
   *     exchanges when the mock simulates
   */
  public String driftMarkdown() {
    return runtime.driftMarkdown();
  }

  /** @return requests sent to users' LLM endpoints so far (always 0 with forwarding off) */
  public long llmRequestsSent() {
    return runtime.llmRequestsSent();
  }

  // ------------------------------------------------------------------ MockControl (the control API)

  @Override
  public Health health() {
    return control.health();
  }

  @Override
  public Info info() {
    return control.info();
  }

  /**
   * {@inheritDoc} Also what the JUnit extension does before each test; the LLM reply and the
   * QPS limit set since start stay.
   */
  @Override
  public ResetResult reset() {
    return control.reset();
  }

  @Override
  public List<Agent> agents() {
    return control.agents();
  }

  @Override
  public List<Instance> instances() {
    return control.instances();
  }

  @Override
  public Instance instance(String agentInstanceId) {
    return control.instance(agentInstanceId);
  }

  @Override
  public Instance simulateUser(String agentInstanceId, UserSimulation user) {
    return control.simulateUser(agentInstanceId, user);
  }

  @Override
  public ScriptLoaded loadScript(String agentInstanceId, Script script) {
    return control.loadScript(agentInstanceId, script);
  }

  @Override
  public List<JournalEntry> journal(String action, Integer code, Long since, Long until, Integer limit) {
    return control.journal(action, code, since, until, limit);
  }

  @Override
  public List<Fault> faults() {
    return control.faults();
  }

  @Override
  public List<Fault> addFault(Fault fault) {
    return control.addFault(fault);
  }

  @Override
  public List<Fault> clearFaults() {
    return control.clearFaults();
  }

  @Override
  public ClockReading readClock() {
    return control.readClock();
  }

  @Override
  public ClockReading advanceClock(ClockAdvance advance) {
    return control.advanceClock(advance);
  }

  @Override
  public LlmReplyInForce setLlmReply(LlmReply reply) {
    return control.setLlmReply(reply);
  }

  @Override
  public QpsLimit setQpsLimit(QpsLimit limit) {
    return control.setQpsLimit(limit);
  }

  @Override
  public CallbackTargetInForce setCallbackTarget(CallbackTarget target) {
    return control.setCallbackTarget(target);
  }

  @Override
  public Callbacks callbacks() {
    return control.callbacks();
  }

  @Override
  public DriftReport drift() {
    return control.drift();
  }

  @Override
  public DriftReport clearDrift() {
    return control.clearDrift();
  }

  /**
   * {@inheritDoc} It is also written at {@link #close()}; the path is null when the mock simulates
   * or no report file is configured ({@code config().proxy().driftReport()}).
   */
  @Override
  public DriftReportWritten writeDriftReport() {
    return control.writeDriftReport();
  }

  @Override
  public Changes changes() {
    return control.changes();
  }

  @Override
  public Names names() {
    return control.names();
  }

  @Override
  public List<TimelineSummary> timelines() {
    return control.timelines();
  }

  @Override
  public Timeline timeline(String agentInstanceId) {
    return control.timeline(agentInstanceId);
  }

  /**
   * Stops the HTTP front, the clock ticker, the worker and callback delivery; a validating proxy
   * writes its Markdown report (when configured) and closes its recording.
   */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "MockServer[" + baseUrl() + ", " + config + "]";
  }
}
