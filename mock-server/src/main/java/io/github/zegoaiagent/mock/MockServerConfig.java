package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.config.CapSettings;
import io.github.zegoaiagent.mock.config.GatewaySettings;
import io.github.zegoaiagent.mock.config.HttpSettings;
import io.github.zegoaiagent.mock.config.LimitSettings;
import io.github.zegoaiagent.mock.config.LlmForwardSettings;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.config.ProxySettings;
import io.github.zegoaiagent.mock.config.Setting;
import io.github.zegoaiagent.mock.config.SettingGroup;
import io.github.zegoaiagent.mock.config.SimulationSettings;
import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.values.MockClock;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Immutable configuration of a {@link MockServer}: small grouped records ({@link #gateway()},
 * {@link #limits()}, {@link #caps()}, {@link #callbacks()}, {@link #simulation()},
 * {@link #llmForward()}, {@link #proxy()}, {@link #http()}, {@link #log()}), built with one {@link #builder()}.
 *
 * <p>Each setting is declared once, as a {@link Setting} constant on its group record: its
 * default, its check, its CLI flag and environment variable ({@code --qps-limit},
 * {@code ZEGO_MOCK_QPS_LIMIT}) and the README's settings table come from that declaration.
 * Defaults that are facts of the API (QPS, concurrency, Enqueue queue, timestamp tolerance,
 * callback retry delays) come from the contract's {@code x-zego-limits}. {@link #toString()}
 * never shows a secret.
 *
 * <p>(Over 400 lines on purpose: one named builder method per setting, a line of code and a
 * line of Javadoc each, so Java callers keep {@code builder().qpsLimit(0)}; nothing else is here.)
 */
public final class MockServerConfig {
  /** The AppId used when none is configured. */
  public static final long DEFAULT_APP_ID = GatewaySettings.DEFAULT_APP_ID;

  /** Every group, in documentation order. A new group is one more entry and one accessor. */
  public static final List<SettingGroup<?>> GROUPS = List.of(GatewaySettings.GROUP, LimitSettings.GROUP,
      CapSettings.GROUP, CallbackSettings.GROUP, SimulationSettings.GROUP, LlmForwardSettings.GROUP, ProxySettings.GROUP,
      HttpSettings.GROUP, LogSettings.GROUP);

  private final Map<Setting<?>, Object> values;
  private final Map<SettingGroup<?>, Object> groups = new IdentityHashMap<>();

  private MockServerConfig(Map<Setting<?>, Object> values) {
    this.values = Collections.unmodifiableMap(values);
    for (SettingGroup<?> g : GROUPS) {
      groups.put(g, g.factory().apply(this::value));
    }
  }

  /** @return every declared setting, group by group */
  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    GROUPS.forEach(g -> all.addAll(g.settings()));
    return List.copyOf(all);
  }

  /** @return a builder with the defaults each {@link Setting} declares */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration's values (secrets included) */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  /**
   * @param setting a declared setting
   * @param <T> its type
   * @return its value in this configuration
   */
  @SuppressWarnings("unchecked")
  public <T> T value(Setting<T> setting) {
    if (!values.containsKey(setting)) {
      throw new IllegalArgumentException("not a setting of MockServerConfig: " + setting.key());
    }
    return (T) values.get(setting);
  }

  @SuppressWarnings("unchecked")
  private <R> R group(SettingGroup<R> g) {
    return (R) groups.get(g);
  }

  /** @return credentials, strict nonces, QPS limit, timestamp tolerance */
  public GatewaySettings gateway() {
    return group(GatewaySettings.GROUP);
  }

  /** @return the service's concurrency limits */
  public LimitSettings limits() {
    return group(LimitSettings.GROUP);
  }

  /** @return the mock's memory caps */
  public CapSettings caps() {
    return group(CapSettings.GROUP);
  }

  /** @return callback delivery */
  public CallbackSettings callbacks() {
    return group(CallbackSettings.GROUP);
  }

  /** @return clock, LLM and voice */
  public SimulationSettings simulation() {
    return group(SimulationSettings.GROUP);
  }

  /** @return LLM forwarding to the configured LLM.Url (off unless configured) */
  public LlmForwardSettings llmForward() {
    return group(LlmForwardSettings.GROUP);
  }

  /** @return the validating proxy (off unless an upstream is set) */
  public ProxySettings proxy() {
    return group(ProxySettings.GROUP);
  }

  /** @return the HTTP front */
  public HttpSettings http() {
    return group(HttpSettings.GROUP);
  }

  /** @return the console request log */
  public LogSettings log() {
    return group(LogSettings.GROUP);
  }

  /** @return AppId → ServerSecret, in the order configured (the first is the default pair) */
  public Map<Long, String> credentials() {
    return gateway().credentials();
  }

  /** @return every setting as {@code key=value}, secrets as {@code ***} */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "MockServerConfig[", "]");
    values.forEach((s, v) -> j.add(s.key() + "=" + (s.secret() ? "***" : String.valueOf(v))));
    return j.toString();
  }

  /**
   * Builder of {@link MockServerConfig}: {@link #set(Setting, Object)} for any setting, plus one
   * named method per setting for Java callers. Values are checked when set. Not thread-safe.
   */
  public static final class Builder {
    private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * @param setting a declared setting (see {@link MockServerConfig#settings()})
     * @param value its value, checked against the declaration
     * @param <T> its type
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public <T> Builder set(Setting<T> setting, T value) {
      values.put(setting, setting.check(value));
      return this;
    }

    /**
     * @param setting a declared setting
     * @param text its value as a flag or variable would give it
     * @param source where it came from (named in the message of a refusal)
     * @param <T> its type
     * @return this
     * @throws IllegalArgumentException when the text is not a valid value
     */
    public <T> Builder parse(Setting<T> setting, String text, String source) {
      return set(setting, setting.parse(text, source));
    }

    /**
     * @param setting a setting
     * @return whether it was set on this builder
     */
    public boolean isSet(Setting<?> setting) {
      return values.containsKey(setting);
    }

    /** @param port TCP port, 0 (default) for any free port @return this */
    public Builder port(int port) {
      return set(HttpSettings.PORT, port);
    }

    /** @param address bind address, default 127.0.0.1 (use 0.0.0.0 for all interfaces) @return this */
    public Builder bindAddress(String address) {
      return set(HttpSettings.BIND, address);
    }

    /**
     * Adds an AppId / ServerSecret pair (replacing the secret of an AppId given before). Without
     * any, one pair ({@link #DEFAULT_APP_ID}, random secret) is made.
     *
     * @param appId AppId in [1, 2^32 − 1]
     * @param serverSecret its secret
     * @return this
     */
    public Builder credential(long appId, String serverSecret) {
      if (serverSecret == null || serverSecret.isEmpty()) {
        throw new IllegalArgumentException("ServerSecret must not be empty");
      }
      Map<Long, String> pairs = new LinkedHashMap<>();
      if (isSet(GatewaySettings.APP_ID) || isSet(GatewaySettings.SERVER_SECRET)) {
        List<Long> ids = get(GatewaySettings.APP_ID);
        List<String> secrets = get(GatewaySettings.SERVER_SECRET);
        for (int i = 0; i < ids.size(); i++) {
          pairs.put(ids.get(i), i < secrets.size() ? secrets.get(i) : null);
        }
      }
      pairs.put(appId, serverSecret);
      List<String> secrets = new ArrayList<>();
      pairs.values().forEach(s -> secrets.add(s == null ? GatewaySettings.randomSecret() : s));
      set(GatewaySettings.SERVER_SECRET, List.copyOf(secrets));
      return set(GatewaySettings.APP_ID, List.copyOf(pairs.keySet()));
    }

    /** @param url where callbacks are POSTed; null (default) records them only @return this */
    public Builder callbackUrl(URI url) {
      return set(CallbackSettings.URL, url);
    }

    /** @param secret callback signing secret; default random @return this */
    public Builder callbackSecret(String secret) {
      return secret == null ? this : set(CallbackSettings.SECRET, secret);
    }

    /** @param strict strict nonce checks (default false) @return this */
    public Builder strict(boolean strict) {
      return set(GatewaySettings.STRICT, strict);
    }

    /** @param qps requests per second per action, 0 = off; default x-zego-limits.qpsPerAction @return this */
    public Builder qpsLimit(int qps) {
      return set(GatewaySettings.QPS_LIMIT, qps);
    }

    /** @param seconds timestamp tolerance; default x-zego-limits.timestampToleranceSeconds @return this */
    public Builder timestampToleranceSeconds(int seconds) {
      return set(GatewaySettings.TIMESTAMP_TOLERANCE, seconds);
    }

    /** @param n concurrent instances per App; default x-zego-limits.concurrentInstances @return this */
    public Builder maxConcurrentInstances(int n) {
      return set(LimitSettings.MAX_CONCURRENT_INSTANCES, n);
    }

    /** @param n concurrent digital humans per App; default from x-zego-limits @return this */
    public Builder maxConcurrentDigitalHumans(int n) {
      return set(LimitSettings.MAX_CONCURRENT_DIGITAL_HUMANS, n);
    }

    /** @param n Enqueue queue length; default x-zego-limits.enqueueQueueMax @return this */
    public Builder enqueueMax(int n) {
      return set(LimitSettings.ENQUEUE_MAX, n);
    }

    /** @param n agents kept per App (default 10,000) @return this */
    public Builder maxAgents(int n) {
      return set(CapSettings.MAX_AGENTS, n);
    }

    /** @param n stored agents per App in characters of JSON (default 32 MiB) @return this */
    public Builder maxAgentBytes(long n) {
      return set(CapSettings.MAX_AGENT_BYTES, n);
    }

    /** @param n context messages per instance (default 10,000) @return this */
    public Builder maxContextMessages(int n) {
      return set(CapSettings.MAX_CONTEXT_MESSAGES, n);
    }

    /** @param n context per instance in characters (default 4 MiB) @return this */
    public Builder maxContextBytes(long n) {
      return set(CapSettings.MAX_CONTEXT_BYTES, n);
    }

    /** @param n spoken texts remembered per instance (default 1,000) @return this */
    public Builder maxSpokenTexts(int n) {
      return set(CapSettings.MAX_SPOKEN_TEXTS, n);
    }

    /** @param n walkie-talkie users tracked per instance (default 1,000) @return this */
    public Builder maxUsersPerInstance(int n) {
      return set(CapSettings.MAX_USERS_PER_INSTANCE, n);
    }

    /** @param n journal entries kept (default 1,000) @return this */
    public Builder journalSize(int n) {
      return set(CapSettings.JOURNAL_SIZE, n);
    }

    /** @param n journal characters in all (default 8 MiB; oldest entries forgotten) @return this */
    public Builder journalBytes(long n) {
      return set(CapSettings.JOURNAL_BYTES, n);
    }

    /** @param n callback events remembered for inspection (default 1,000) @return this */
    public Builder recordedEventsSize(int n) {
      return set(CapSettings.RECORDED_EVENTS, n);
    }

    /** @param n callback queue capacity (default 10,000) @return this */
    public Builder callbackQueueSize(int n) {
      return set(CallbackSettings.QUEUE_SIZE, n);
    }

    /** @param delays delays before each retry; default x-zego-limits.callbackRetryDelaysSeconds @return this */
    public Builder callbackRetryDelays(List<Duration> delays) {
      return set(CallbackSettings.RETRY_DELAYS, List.copyOf(delays));
    }

    /** @param timeout timeout of one callback POST (default 5 s) @return this */
    public Builder callbackTimeout(Duration timeout) {
      return set(CallbackSettings.TIMEOUT, timeout);
    }

    /** @param clock simulation clock; default follows the system clock @return this */
    public Builder clock(MockClock clock) {
      return set(SimulationSettings.CLOCK, clock);
    }

    /** @param reply how the simulated LLM answers; default {@link LlmReply#echo()} @return this */
    public Builder llmReply(LlmReply reply) {
      return set(SimulationSettings.LLM_REPLY, reply);
    }

    /** @param d LLM thinking time (default 500 ms) @return this */
    public Builder llmThinkTime(Duration d) {
      return set(SimulationSettings.LLM_THINK_TIME, d);
    }

    /** @param d speaking time per character (default 60 ms) @return this */
    public Builder speechPerCharacter(Duration d) {
      return set(SimulationSettings.SPEECH_PER_CHARACTER, d);
    }

    /** @param text what the simulated user says in a walkie-talkie turn (default "Hello") @return this */
    public Builder userUtterance(String text) {
      return set(SimulationSettings.USER_UTTERANCE, text);
    }

    /** @param value AddAnswerToHistory default; null (default) uses the contract's @return this */
    public Builder addAnswerToHistoryDefault(Boolean value) {
      return set(SimulationSettings.ADD_ANSWER_TO_HISTORY, value);
    }

    /** @param d auto-tick period for a running clock; zero turns it off @return this */
    public Builder autoTick(Duration d) {
      return set(SimulationSettings.AUTO_TICK, d);
    }

    /**
     * @param on send LLM turns to the configured LLM.Url (default false: nothing is sent anywhere)
     * @return this
     */
    public Builder llmForward(boolean on) {
      return set(LlmForwardSettings.FORWARD, on);
    }

    /** @param hosts hosts forwarding may call (default {@code loopback}; {@code *} = any) @return this */
    public Builder llmAllowHosts(List<String> hosts) {
      return set(LlmForwardSettings.ALLOW_HOSTS, List.copyOf(hosts));
    }

    /** @param d deadline of one whole LLM exchange (default 30 s) @return this */
    public Builder llmTimeout(Duration d) {
      return set(LlmForwardSettings.TIMEOUT, d);
    }

    /** @param n longest SSE line accepted from the LLM (default 65,536) @return this */
    public Builder llmMaxLineBytes(int n) {
      return set(LlmForwardSettings.MAX_LINE_BYTES, n);
    }

    /** @param n longest SSE stream accepted from the LLM (default 4 MiB) @return this */
    public Builder llmMaxStreamBytes(long n) {
      return set(LlmForwardSettings.MAX_STREAM_BYTES, n);
    }

    /**
     * @param upstream forward every API request unchanged there and report drift from the contract
     *     (the validating proxy); null (default) simulates
     * @return this
     */
    public Builder proxy(URI upstream) {
      return set(ProxySettings.PROXY, upstream);
    }

    /** @param d deadline of one forwarded exchange (default 30 s) @return this */
    public Builder proxyTimeout(Duration d) {
      return set(ProxySettings.TIMEOUT, d);
    }

    /** @param n largest answer accepted from the upstream (default 4 MiB) @return this */
    public Builder proxyMaxAnswerBytes(int n) {
      return set(ProxySettings.MAX_ANSWER_BYTES, n);
    }

    /** @param n exchanges forwarded at once (default 64) @return this */
    public Builder proxyMaxInFlight(int n) {
      return set(ProxySettings.MAX_IN_FLIGHT, n);
    }

    /** @param path where the proxy receives callbacks (default {@code /callback}) @return this */
    public Builder proxyCallbackPath(String path) {
      return set(ProxySettings.CALLBACK_PATH, path);
    }

    /** @param file record proxied exchanges there (masked JSON lines); null (default) off @return this */
    public Builder record(java.nio.file.Path file) {
      return set(ProxySettings.RECORD, file);
    }

    /** @param file the Markdown drift report, written at close; null (default) off @return this */
    public Builder driftReport(java.nio.file.Path file) {
      return set(ProxySettings.DRIFT_REPORT, file);
    }

    /** @param enabled serve /_mock/ (default true) @return this */
    public Builder controlApiEnabled(boolean enabled) {
      return set(HttpSettings.CONTROL_API, enabled);
    }

    /** @param allowed let non-loopback callers use /_mock/ (default false) @return this */
    public Builder controlApiRemoteAllowed(boolean allowed) {
      return set(HttpSettings.CONTROL_REMOTE, allowed);
    }

    /** @param n the HTTP front's event-loop threads, in [1, 256] (default max(2, cores)) @return this */
    public Builder threads(int n) {
      return set(HttpSettings.THREADS, n);
    }

    /** @param d request line and headers must arrive within this (default 10 s) @return this */
    public Builder headerTimeout(Duration d) {
      return set(HttpSettings.HEADER_TIMEOUT, d);
    }

    /** @param d the body must arrive, and an answer be read, within this (default 30 s) @return this */
    public Builder bodyTimeout(Duration d) {
      return set(HttpSettings.BODY_TIMEOUT, d);
    }

    /** @param d an idle keep-alive connection is closed after this (default 60 s) @return this */
    public Builder idleTimeout(Duration d) {
      return set(HttpSettings.IDLE_TIMEOUT, d);
    }

    /** @param n connections served at once (default 4,096) @return this */
    public Builder maxConnections(int n) {
      return set(HttpSettings.MAX_CONNECTIONS, n);
    }

    /** @param n longest request line in bytes (default 65,536) @return this */
    public Builder maxRequestLineBytes(int n) {
      return set(HttpSettings.MAX_REQUEST_LINE_BYTES, n);
    }

    /** @param n largest header section in bytes (default 65,536) @return this */
    public Builder maxHeaderBytes(int n) {
      return set(HttpSettings.MAX_HEADER_BYTES, n);
    }

    /** @param n largest request body in bytes (default 1 MiB) @return this */
    public Builder maxBodyBytes(int n) {
      return set(HttpSettings.MAX_BODY_BYTES, n);
    }

    /** @param mode console request log (default none when embedded) @return this */
    public Builder log(LogSettings.Mode mode) {
      return set(LogSettings.LOG, mode);
    }

    /** @param out where the request log goes (default System.out) @return this */
    public Builder logTo(PrintStream out) {
      return set(LogSettings.OUT, out);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting<T> s) {
      return values.containsKey(s) ? (T) values.get(s) : s.defaultValue();
    }

    /**
     * @return the configuration; settings not set take their declared default
     * @throws IllegalArgumentException when settings do not fit together (e.g. more
     *     ServerSecrets than AppIds)
     */
    public MockServerConfig build() {
      Map<Setting<?>, Object> all = new LinkedHashMap<>();
      for (Setting<?> s : settings()) {
        all.put(s, get(s));
      }
      // Fixed here, so toBuilder() keeps the random secrets instead of drawing new ones.
      all.put(GatewaySettings.SERVER_SECRET, GatewaySettings.secretPerAppId(
          get(GatewaySettings.APP_ID), get(GatewaySettings.SERVER_SECRET)));
      return new MockServerConfig(all);
    }
  }
}
