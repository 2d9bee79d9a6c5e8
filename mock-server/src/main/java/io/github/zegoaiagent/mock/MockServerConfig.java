package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable configuration of a {@link MockServer}; build it with {@link #builder()}.
 *
 * <p>Service-wide numbers (QPS, concurrency, Enqueue queue, timestamp tolerance, callback retry
 * delays) default to the contract's {@code x-zego-limits}. {@link #toString()} never shows a
 * secret.
 */
public final class MockServerConfig implements io.github.zegoaiagent.mock.internal.simulate.SimulationSettings {
  /** The AppId used when none is configured. */
  public static final long DEFAULT_APP_ID = 1234567890L;

  private final int port;
  private final String bindAddress;
  private final Map<Long, String> credentials;
  private final URI callbackUrl;
  private final String callbackSecret;
  private final boolean strict;
  private final int qpsLimit;
  private final int maxConcurrentInstances;
  private final int maxConcurrentDigitalHumans;
  private final int enqueueMax;
  private final int timestampToleranceSeconds;
  private final int maxAgents;
  private final int maxContextMessages;
  private final int maxSpokenTexts;
  private final int maxUsersPerInstance;
  private final int journalSize;
  private final long maxAgentBytes;
  private final long maxContextBytes;
  private final long journalBytes;
  private final int maxBodyBytes;
  private final int callbackQueueSize;
  private final int recordedEventsSize;
  private final List<Duration> callbackRetryDelays;
  private final Duration callbackTimeout;
  private final MockClock clock;
  private final LlmReply llmReply;
  private final Duration llmThinkTime;
  private final Duration speechPerCharacter;
  private final String userUtterance;
  private final Boolean addAnswerToHistoryDefault;
  private final boolean controlApiEnabled;
  private final boolean controlApiRemoteAllowed;
  private final int threads;
  private final HttpLimits httpLimits;
  private final Duration autoTick;
  private final LlmForwardSettings llmForward;

  private MockServerConfig(Builder b) {
    this.port = b.port;
    this.bindAddress = b.bindAddress;
    Map<Long, String> creds = new LinkedHashMap<>(b.credentials);
    if (creds.isEmpty()) {
      creds.put(DEFAULT_APP_ID, randomSecret());
    }
    this.credentials = Collections.unmodifiableMap(creds);
    this.callbackUrl = b.callbackUrl;
    this.callbackSecret = b.callbackSecret != null ? b.callbackSecret : randomSecret();
    this.strict = b.strict;
    Contract c = Contract.load();
    this.qpsLimit = b.qpsLimit != null ? b.qpsLimit : c.limit("qpsPerAction");
    this.maxConcurrentInstances = b.maxConcurrentInstances != null ? b.maxConcurrentInstances
        : c.limit("concurrentInstances");
    this.maxConcurrentDigitalHumans = b.maxConcurrentDigitalHumans != null
        ? b.maxConcurrentDigitalHumans : c.limit("concurrentDigitalHumanInstances");
    this.enqueueMax = b.enqueueMax != null ? b.enqueueMax : c.limit("enqueueQueueMax");
    this.timestampToleranceSeconds = b.timestampToleranceSeconds != null
        ? b.timestampToleranceSeconds : c.limit("timestampToleranceSeconds");
    this.maxAgents = b.maxAgents;
    this.maxContextMessages = b.maxContextMessages;
    this.maxSpokenTexts = b.maxSpokenTexts;
    this.maxUsersPerInstance = b.maxUsersPerInstance;
    this.journalSize = b.journalSize;
    this.maxAgentBytes = b.maxAgentBytes;
    this.maxContextBytes = b.maxContextBytes;
    this.journalBytes = b.journalBytes;
    this.maxBodyBytes = b.maxBodyBytes;
    this.callbackQueueSize = b.callbackQueueSize;
    this.recordedEventsSize = b.recordedEventsSize;
    if (b.callbackRetryDelays != null) {
      this.callbackRetryDelays = List.copyOf(b.callbackRetryDelays);
    } else {
      List<Duration> d = new ArrayList<>();
      c.callbackRetryDelaysSeconds().forEach(s -> d.add(Duration.ofSeconds(s)));
      this.callbackRetryDelays = List.copyOf(d);
    }
    this.callbackTimeout = b.callbackTimeout;
    this.clock = b.clock != null ? b.clock : MockClock.system();
    this.llmReply = b.llmReply;
    this.llmThinkTime = b.llmThinkTime;
    this.speechPerCharacter = b.speechPerCharacter;
    this.userUtterance = b.userUtterance;
    this.addAnswerToHistoryDefault = b.addAnswerToHistoryDefault;
    this.controlApiEnabled = b.controlApiEnabled;
    this.controlApiRemoteAllowed = b.controlApiRemoteAllowed;
    this.threads = b.threads;
    this.httpLimits = b.httpLimits;
    this.autoTick = b.autoTick;
    this.llmForward = b.llmForward;
  }

  /** @return a builder with the defaults described on each setter */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration's values (secrets included) */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.bindAddress = bindAddress;
    b.credentials.putAll(credentials);
    b.callbackUrl = callbackUrl;
    b.callbackSecret = callbackSecret;
    b.strict = strict;
    b.qpsLimit = qpsLimit;
    b.maxConcurrentInstances = maxConcurrentInstances;
    b.maxConcurrentDigitalHumans = maxConcurrentDigitalHumans;
    b.enqueueMax = enqueueMax;
    b.timestampToleranceSeconds = timestampToleranceSeconds;
    b.maxAgents = maxAgents;
    b.maxContextMessages = maxContextMessages;
    b.maxSpokenTexts = maxSpokenTexts;
    b.maxUsersPerInstance = maxUsersPerInstance;
    b.journalSize = journalSize;
    b.maxAgentBytes = maxAgentBytes;
    b.maxContextBytes = maxContextBytes;
    b.journalBytes = journalBytes;
    b.maxBodyBytes = maxBodyBytes;
    b.callbackQueueSize = callbackQueueSize;
    b.recordedEventsSize = recordedEventsSize;
    b.callbackRetryDelays = callbackRetryDelays;
    b.callbackTimeout = callbackTimeout;
    b.clock = clock;
    b.llmReply = llmReply;
    b.llmThinkTime = llmThinkTime;
    b.speechPerCharacter = speechPerCharacter;
    b.userUtterance = userUtterance;
    b.addAnswerToHistoryDefault = addAnswerToHistoryDefault;
    b.controlApiEnabled = controlApiEnabled;
    b.controlApiRemoteAllowed = controlApiRemoteAllowed;
    b.threads = threads;
    b.httpLimits = httpLimits;
    b.autoTick = autoTick;
    b.llmForward = llmForward;
    return b;
  }

  private static String randomSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** @return TCP port; 0 means a free port chosen at start */
  public int port() {
    return port;
  }

  /** @return address the server binds to */
  public String bindAddress() {
    return bindAddress;
  }

  /** @return AppId → ServerSecret, in the order configured (the first is the default pair) */
  public Map<Long, String> credentials() {
    return credentials;
  }

  /** @return the callback URL, or null when callbacks are only recorded */
  public URI callbackUrl() {
    return callbackUrl;
  }

  /** @return the secret callbacks are signed with (not the ServerSecret) */
  public String callbackSecret() {
    return callbackSecret;
  }

  /** @return strict nonce mode: 16 hex characters, no reuse within the timestamp tolerance */
  public boolean strict() {
    return strict;
  }

  /** @return requests per second per action and App; 0 = unlimited */
  public int qpsLimit() {
    return qpsLimit;
  }

  /** @return concurrent voice + digital-human instances per App (410000011 beyond) */
  public int maxConcurrentInstances() {
    return maxConcurrentInstances;
  }

  /** @return concurrent digital-human instances per App (410001031 beyond) */
  public int maxConcurrentDigitalHumans() {
    return maxConcurrentDigitalHumans;
  }

  /** @return waiting Enqueue requests per instance */
  public int enqueueMax() {
    return enqueueMax;
  }

  /** @return accepted |server time − Timestamp|, inclusive */
  public int timestampToleranceSeconds() {
    return timestampToleranceSeconds;
  }

  /** @return registered agents kept per App */
  public int maxAgents() {
    return maxAgents;
  }

  /** @return context messages kept per instance */
  public int maxContextMessages() {
    return maxContextMessages;
  }

  /** @return spoken texts remembered per instance (oldest forgotten) */
  public int maxSpokenTexts() {
    return maxSpokenTexts;
  }

  /** @return distinct walkie-talkie users tracked per instance */
  public int maxUsersPerInstance() {
    return maxUsersPerInstance;
  }

  /** @return request journal entries kept (oldest forgotten) */
  public int journalSize() {
    return journalSize;
  }

  /**
   * @return stored agents per App, in characters of their JSON text (what the caller controls;
   *     the JSON tree's own overhead comes on top)
   */
  public long maxAgentBytes() {
    return maxAgentBytes;
  }

  /** @return context kept per instance, in characters of the messages' content */
  public long maxContextBytes() {
    return maxContextBytes;
  }

  /** @return characters of query, body and message kept by the journal in all */
  public long journalBytes() {
    return journalBytes;
  }

  /** @return largest accepted request body in bytes */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** @return callback deliveries waiting at most (newer events dropped beyond) */
  public int callbackQueueSize() {
    return callbackQueueSize;
  }

  /** @return callback events remembered for inspection */
  public int recordedEventsSize() {
    return recordedEventsSize;
  }

  /** @return delays before each callback retry */
  public List<Duration> callbackRetryDelays() {
    return callbackRetryDelays;
  }

  /** @return timeout of one callback POST */
  public Duration callbackTimeout() {
    return callbackTimeout;
  }

  /** @return the simulation clock */
  public MockClock clock() {
    return clock;
  }

  /** @return how the simulated LLM answers */
  public LlmReply llmReply() {
    return llmReply;
  }

  /** @return how long the simulated LLM thinks before speaking */
  public Duration llmThinkTime() {
    return llmThinkTime;
  }

  /** @return speaking time per character of text */
  public Duration speechPerCharacter() {
    return speechPerCharacter;
  }

  /** @return what the simulated user says in a walkie-talkie turn (unless set per instance) */
  public String userUtterance() {
    return userUtterance;
  }

  /** @return default of AddAnswerToHistory, or null for the contract's default */
  public Boolean addAnswerToHistoryDefault() {
    return addAnswerToHistoryDefault;
  }

  /** @return whether /_mock/ is served */
  public boolean controlApiEnabled() {
    return controlApiEnabled;
  }

  /** @return whether /_mock/ answers callers that are not on loopback */
  public boolean controlApiRemoteAllowed() {
    return controlApiRemoteAllowed;
  }

  /** @return the HTTP front's event-loop threads (they also run the pipeline) */
  public int threads() {
    return threads;
  }

  /** @return the HTTP front's timeouts and bounds */
  public HttpLimits httpLimits() {
    return httpLimits;
  }

  /** @return how often a running clock is checked for due transitions; zero = only on access */
  public Duration autoTick() {
    return autoTick;
  }

  /** @return LLM forwarding (off unless configured) */
  public LlmForwardSettings llmForward() {
    return llmForward;
  }

  @Override
  public String toString() {
    return "MockServerConfig[port=" + port + ", bind=" + bindAddress + ", appIds="
        + credentials.keySet() + ", callbackUrl=" + callbackUrl + ", strict=" + strict
        + ", qpsLimit=" + qpsLimit + ", maxConcurrentInstances=" + maxConcurrentInstances + "]";
  }

  /** Builder of {@link MockServerConfig}. Not thread-safe. */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private final Map<Long, String> credentials = new LinkedHashMap<>();
    private URI callbackUrl;
    private String callbackSecret;
    private boolean strict;
    private Integer qpsLimit;
    private Integer maxConcurrentInstances;
    private Integer maxConcurrentDigitalHumans;
    private Integer enqueueMax;
    private Integer timestampToleranceSeconds;
    private int maxAgents = 10_000;
    private int maxContextMessages = 10_000;
    private int maxSpokenTexts = 1_000;
    private int maxUsersPerInstance = 1_000;
    private int journalSize = 1_000;
    private long maxAgentBytes = 32L << 20;
    private long maxContextBytes = 4L << 20;
    private long journalBytes = 8L << 20;
    private int maxBodyBytes = 1 << 20;
    private int callbackQueueSize = 10_000;
    private int recordedEventsSize = 1_000;
    private List<Duration> callbackRetryDelays;
    private Duration callbackTimeout = Duration.ofSeconds(5);
    private MockClock clock;
    private LlmReply llmReply = LlmReply.echo();
    private Duration llmThinkTime = Duration.ofMillis(500);
    private Duration speechPerCharacter = Duration.ofMillis(60);
    private String userUtterance = "Hello";
    private Boolean addAnswerToHistoryDefault;
    private boolean controlApiEnabled = true;
    private boolean controlApiRemoteAllowed;
    private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private HttpLimits httpLimits = HttpLimits.defaults();
    private Duration autoTick = Duration.ofMillis(100);
    private LlmForwardSettings llmForward = LlmForwardSettings.off();

    private Builder() {
    }

    /** @param port TCP port, 0 (default) for any free port @return this */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
      }
      this.port = port;
      return this;
    }

    /** @param address bind address, default 127.0.0.1 (use 0.0.0.0 for all interfaces) @return this */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Adds an AppId / ServerSecret pair. Without any, one pair ({@link #DEFAULT_APP_ID}, random
     * secret) is made.
     *
     * @param appId unsigned 32-bit AppId
     * @param serverSecret its secret
     * @return this
     */
    public Builder credential(long appId, String serverSecret) {
      if (appId < 0 || appId > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("AppId must be an unsigned 32-bit integer: " + appId);
      }
      if (serverSecret == null || serverSecret.isEmpty()) {
        throw new IllegalArgumentException("ServerSecret must not be empty");
      }
      credentials.put(appId, serverSecret);
      return this;
    }

    /** @param url where callbacks are POSTed; null (default) records them only @return this */
    public Builder callbackUrl(URI url) {
      this.callbackUrl = url;
      return this;
    }

    /** @param secret callback signing secret; default random @return this */
    public Builder callbackSecret(String secret) {
      this.callbackSecret = secret;
      return this;
    }

    /** @param strict strict nonce checks (default false) @return this */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** @param qps requests per second per action, 0 = off; default x-zego-limits.qpsPerAction @return this */
    public Builder qpsLimit(int qps) {
      this.qpsLimit = nonNegative(qps, "qpsLimit");
      return this;
    }

    /** @param n concurrent instances per App; default x-zego-limits.concurrentInstances @return this */
    public Builder maxConcurrentInstances(int n) {
      this.maxConcurrentInstances = capped(n, "maxConcurrentInstances");
      return this;
    }

    /** @param n concurrent digital humans per App; default from x-zego-limits @return this */
    public Builder maxConcurrentDigitalHumans(int n) {
      this.maxConcurrentDigitalHumans = capped(n, "maxConcurrentDigitalHumans");
      return this;
    }

    /** @param n Enqueue queue length; default x-zego-limits.enqueueQueueMax @return this */
    public Builder enqueueMax(int n) {
      this.enqueueMax = capped(n, "enqueueMax");
      return this;
    }

    /** @param seconds timestamp tolerance; default x-zego-limits.timestampToleranceSeconds @return this */
    public Builder timestampToleranceSeconds(int seconds) {
      this.timestampToleranceSeconds = nonNegative(seconds, "timestampToleranceSeconds");
      return this;
    }

    /** @param n agents kept per App (default 10,000) @return this */
    public Builder maxAgents(int n) {
      this.maxAgents = capped(n, "maxAgents");
      return this;
    }

    /** @param n context messages per instance (default 10,000) @return this */
    public Builder maxContextMessages(int n) {
      this.maxContextMessages = capped(n, "maxContextMessages");
      return this;
    }

    /** @param n spoken texts remembered per instance (default 1,000) @return this */
    public Builder maxSpokenTexts(int n) {
      this.maxSpokenTexts = capped(n, "maxSpokenTexts");
      return this;
    }

    /** @param n walkie-talkie users tracked per instance (default 1,000) @return this */
    public Builder maxUsersPerInstance(int n) {
      this.maxUsersPerInstance = capped(n, "maxUsersPerInstance");
      return this;
    }

    /** @param n callback events remembered for inspection (default 1,000) @return this */
    public Builder recordedEventsSize(int n) {
      this.recordedEventsSize = capped(n, "recordedEventsSize");
      return this;
    }

    /** @param n journal entries kept (default 1,000) @return this */
    public Builder journalSize(int n) {
      this.journalSize = capped(n, "journalSize");
      return this;
    }

    /**
     * @param n stored agents per App in characters of JSON (default 32 MiB); beyond, RegisterAgent
     *     and UpdateAgent answer 410000003
     * @return this
     */
    public Builder maxAgentBytes(long n) {
      this.maxAgentBytes = positive(n, "maxAgentBytes");
      return this;
    }

    /**
     * @param n context per instance in characters (default 4 MiB): internal additions forget the
     *     oldest messages, AddAgentInstanceMsg beyond it answers 410000003
     * @return this
     */
    public Builder maxContextBytes(long n) {
      this.maxContextBytes = positive(n, "maxContextBytes");
      return this;
    }

    /** @param n journal characters in all (default 8 MiB; oldest entries forgotten) @return this */
    public Builder journalBytes(long n) {
      this.journalBytes = positive(n, "journalBytes");
      return this;
    }

    private static long positive(long n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + n);
      }
      return n;
    }

    /** @param n largest request body in bytes (default 1 MiB) @return this */
    public Builder maxBodyBytes(int n) {
      this.maxBodyBytes = Math.max(1, n);
      return this;
    }

    /** @param n callback queue capacity (default 10,000) @return this */
    public Builder callbackQueueSize(int n) {
      this.callbackQueueSize = capped(n, "callbackQueueSize");
      return this;
    }

    /** @param delays delays before each retry; default x-zego-limits.callbackRetryDelaysSeconds @return this */
    public Builder callbackRetryDelays(List<Duration> delays) {
      this.callbackRetryDelays = List.copyOf(delays);
      return this;
    }

    /** @param timeout timeout of one callback POST (default 5 s) @return this */
    public Builder callbackTimeout(Duration timeout) {
      this.callbackTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** @param clock simulation clock; default follows the system clock @return this */
    public Builder clock(MockClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** @param reply how the simulated LLM answers; default {@link LlmReply#echo()} @return this */
    public Builder llmReply(LlmReply reply) {
      this.llmReply = Objects.requireNonNull(reply);
      return this;
    }

    /** @param d LLM thinking time (default 500 ms) @return this */
    public Builder llmThinkTime(Duration d) {
      this.llmThinkTime = Objects.requireNonNull(d);
      return this;
    }

    /** @param d speaking time per character (default 60 ms) @return this */
    public Builder speechPerCharacter(Duration d) {
      this.speechPerCharacter = Objects.requireNonNull(d);
      return this;
    }

    /** @param text what the simulated user says in a walkie-talkie turn (default "Hello") @return this */
    public Builder userUtterance(String text) {
      this.userUtterance = Objects.requireNonNull(text);
      return this;
    }

    /** @param value AddAnswerToHistory default; null (default) uses the contract's @return this */
    public Builder addAnswerToHistoryDefault(Boolean value) {
      this.addAnswerToHistoryDefault = value;
      return this;
    }

    /** @param enabled serve /_mock/ (default true) @return this */
    public Builder controlApiEnabled(boolean enabled) {
      this.controlApiEnabled = enabled;
      return this;
    }

    /** @param allowed let non-loopback callers use /_mock/ (default false) @return this */
    public Builder controlApiRemoteAllowed(boolean allowed) {
      this.controlApiRemoteAllowed = allowed;
      return this;
    }

    /**
     * @param n the HTTP front's event-loop threads, which also run the (short, bounded) pipeline;
     *     slow clients and injected delays hold none of them (default max(2, cores))
     * @return this
     */
    public Builder threads(int n) {
      this.threads = Math.max(1, Math.min(n, 256));
      return this;
    }

    /** @param limits the HTTP front's timeouts and bounds (default {@link HttpLimits#defaults()}) @return this */
    public Builder httpLimits(HttpLimits limits) {
      this.httpLimits = Objects.requireNonNull(limits);
      return this;
    }

    /** @param d auto-tick period for a running clock; zero turns it off @return this */
    public Builder autoTick(Duration d) {
      this.autoTick = Objects.requireNonNull(d);
      return this;
    }

    /**
     * @param settings LLM forwarding to the configured LLM.Url (default
     *     {@link LlmForwardSettings#off()}: nothing is sent anywhere)
     * @return this
     */
    public Builder llmForward(LlmForwardSettings settings) {
      this.llmForward = Objects.requireNonNull(settings);
      return this;
    }

    /** @return the configuration */
    public MockServerConfig build() {
      return new MockServerConfig(this);
    }

    private static int nonNegative(int n, String name) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " must be >= 0: " + n);
      }
      return n;
    }

    /** Every cap is bounded so a typo cannot make memory unbounded. */
    private static int capped(int n, String name) {
      if (n < 1 || n > 1_000_000) {
        throw new IllegalArgumentException(name + " must be in [1, 1000000]: " + n);
      }
      return n;
    }
  }
}
