package io.github.zegoaiagent.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.api.AgentsApi;
import io.github.zegoaiagent.client.api.InstanceControlApi;
import io.github.zegoaiagent.client.api.InstancesApi;
import io.github.zegoaiagent.client.generated.Region;
import io.github.zegoaiagent.client.core.Arguments;
import io.github.zegoaiagent.client.core.AutoPager;
import io.github.zegoaiagent.client.internal.ActionSpec;
import io.github.zegoaiagent.client.internal.CallPipeline;
import io.github.zegoaiagent.client.internal.ClientCore;
import io.github.zegoaiagent.client.internal.ClientVersion;
import io.github.zegoaiagent.client.internal.EnvSettings;
import io.github.zegoaiagent.client.internal.HttpClients;
import io.github.zegoaiagent.client.internal.Listeners;
import io.github.zegoaiagent.client.internal.Paging;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.internal.generated.Invokers;
import io.github.zegoaiagent.client.internal.transport.HttpTransport;
import io.github.zegoaiagent.client.internal.validate.RequestValidator;
import io.github.zegoaiagent.client.listener.CallListener;
import io.github.zegoaiagent.client.listener.LoggingCallListener;
import io.github.zegoaiagent.client.listening.ListeningSequencer;
import io.github.zegoaiagent.client.listening.WalkieTalkie;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.retry.Sleeper;
import io.github.zegoaiagent.client.sign.RequestSigner;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Client of the ZEGOCLOUD AI Agent server API. (This file is over 400 lines because the builder is
 * nested, as users write {@code ZegoAiAgentClient.Builder}; most of it is the builder's Javadoc.
 * The per-call work lives in {@code internal}, the environment variables in
 * {@code internal.EnvSettings}.)
 *
 * <p> Each call is validated against the contract, signed
 * afresh per attempt, sent as {@code POST /?Action=X} with one deadline covering the whole
 * exchange, decoded strictly (a non-zero {@code Code} becomes a
 * {@link io.github.zegoaiagent.client.error.ZegoApiException}) and retried only when the service
 * certainly did nothing. {@link #async()} offers the same actions returning
 * {@code CompletableFuture}s; {@link #withOptions(CallOptions)} overrides the deadline or retry
 * policy for some calls. Immutable and thread-safe; build one per AppId and share it.
 *
 * <pre>{@code
 * ZegoAiAgentClient client = ZegoAiAgentClient.builder()
 *     .appId(1234567890L).serverSecret(secret).region(Region.SINGAPORE).build();
 * client.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId(id).text("Hi"));
 * }</pre>
 */
public final class ZegoAiAgentClient implements AutoCloseable {

  private final long appId;
  private final URI endpoint;
  private final ClientCore core;
  private final CallPipeline pipeline;
  private final AgentsApi agents;
  private final InstancesApi instances;
  private final InstanceControlApi control;
  private final ListeningSequencer sequencer;
  private final ZegoAiAgentAsyncClient async;

  private ZegoAiAgentClient(Builder b) {
    this.appId = b.appId;
    this.endpoint = b.endpoint;
    ObjectMapper mapper = JsonCodec.newMapper();
    RequestValidator validator = b.localValidation ? new RequestValidator(mapper) : null;
    RequestSigner signer = new RequestSigner(b.appId, b.serverSecret, b.clock);
    boolean owned = b.httpClient == null;
    HttpClient http = owned ? HttpClients.build(b.endpoint, b.connectTimeout, b.executor, b.proxy, b.sslContext)
        : b.httpClient;
    List<CallListener> listeners = new ArrayList<>(b.listeners);
    if (b.logger != null) {
      listeners.add(0, new LoggingCallListener(b.logger));
    }
    this.core = new ClientCore(endpoint, signer, validator, new EnvelopeDecoder(mapper),
        new HttpTransport(http, owned, b.maxAnswerBytes, ClientVersion.USER_AGENT), new Listeners(listeners), b.sleeper);
    Duration timeout = b.timeout != null ? b.timeout : b.connectTimeout.plus(b.readTimeout);
    this.sequencer = new ListeningSequencer(b.clock);
    this.pipeline = new CallPipeline(core, timeout, b.retryPolicy);
    this.agents = new Invokers.AgentsApiImpl(pipeline);
    this.instances = new Invokers.InstancesApiImpl(pipeline);
    this.control = new Invokers.InstanceControlApiImpl(pipeline);
    this.async = new ZegoAiAgentAsyncClient(pipeline, core, false);
  }

  private ZegoAiAgentClient(ZegoAiAgentClient parent, CallPipeline pipeline) {
    this.appId = parent.appId;
    this.endpoint = parent.endpoint;
    this.core = parent.core;
    this.sequencer = parent.sequencer;
    this.pipeline = pipeline;
    this.agents = new Invokers.AgentsApiImpl(pipeline);
    this.instances = new Invokers.InstancesApiImpl(pipeline);
    this.control = new Invokers.InstanceControlApiImpl(pipeline);
    this.async = new ZegoAiAgentAsyncClient(pipeline, core, false);
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: {@code ZEGO_APP_ID}, {@code ZEGO_SERVER_SECRET}, and
   * {@code ZEGO_ENDPOINT} (any URL, e.g. a mock server's) or {@code ZEGO_REGION} (a {@link Region}
   * name such as {@code SINGAPORE}). For more settings, {@code builder().fromEnv()...build()}.
   *
   * @return the client
   * @throws IllegalStateException naming the variable that is missing or malformed
   */
  public static ZegoAiAgentClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** @return RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents */
  public AgentsApi agents() {
    return agents;
  }

  /** @return CreateAgentInstance and its digital-human variants, UpdateAgentInstance, DeleteAgentInstance */
  public InstancesApi instances() {
    return instances;
  }

  /** @return the instance-control actions: LLM/TTS triggers, status, interrupt, context, walkie-talkie */
  public InstanceControlApi control() {
    return control;
  }

  /**
   * The same actions, each returning a {@code CompletableFuture}: same signing, validation, retry
   * rules and exceptions (a future completes exceptionally with the exception the sync method
   * would throw), non-blocking backoff, and cancelling a future aborts its exchange.
   *
   * @return the async view of this client (with this client's options); shares its connections
   */
  public ZegoAiAgentAsyncClient async() {
    return async;
  }

  /** @return an async face whose {@code close()} closes this client (for fromEnv() and buildAsync()) */
  ZegoAiAgentAsyncClient owningAsync() {
    return new ZegoAiAgentAsyncClient(pipeline, core, true);
  }

  /**
   * @param options the overrides, e.g. a shorter deadline or no retries
   * @return a view of this client whose calls use them; cheap, shares everything else
   */
  public ZegoAiAgentClient withOptions(CallOptions options) {
    Objects.requireNonNull(options, "options");
    return new ZegoAiAgentClient(this, pipeline.with(options.timeout().orElse(null), options.retryPolicy().orElse(null)));
  }

  /**
   * A walkie-talkie turn helper for one user of one instance: numbers each Start/Stop with the next
   * Sequence and refuses, before any HTTP call, a Start after a Start or a Stop after a Stop.
   *
   * @param agentInstanceId the instance (created with CommunicationMode 2)
   * @param userId the user whose turns these are, or null for the instance's user
   * @return the helper; one per (instance, user) is enough
   */
  public WalkieTalkie walkieTalkie(String agentInstanceId, String userId) {
    return new WalkieTalkie(control, sequencer, agentInstanceId, userId);
  }

  /**
   * Every registered agent, page after page: ListAgents is called lazily, with {@code first}'s
   * Limit (the page size, up to 10) and each answer's Cursor, until a page comes back without one.
   *
   * @param first the first page's request, e.g. {@code new ListAgentsRequest().limit(10)}
   * @return an {@code Iterable} (and {@code stream()}) of the agents; each iteration starts over
   */
  public AutoPager<AgentInfo> listAllAgents(ListAgentsRequest first) {
    ListAgentsRequest request = Paging.first(first);
    return AutoPager.of(request.getCursor(), cursor -> Paging.page(agents.listAgents(Paging.at(request, cursor))));
  }

  /**
   * The same actions returning each call's {@link io.github.zegoaiagent.client.core.RawAnswer}: HTTP
   * status, headers, RequestId and body beside the decoded answer.
   *
   * @return the raw view of this client (with this client's options)
   */
  public ZegoAiAgentRawClient withRawAnswer() {
    return new ZegoAiAgentRawClient(pipeline);
  }

  /** @return the per-(instance, user) monotonic Sequence source this client uses */
  public ListeningSequencer sequencer() {
    return sequencer;
  }

  /**
   * Calls an action by its name, for tools that work from the contract's action list
   * ({@link io.github.zegoaiagent.client.generated.ActionCatalog#ACTIONS}).
   *
   * @param action the {@code x-zego-action}, e.g. {@code CreateAgentInstance}
   * @param request the request body, of the action's generated request type
   * @return the decoded answer
   * @throws IllegalArgumentException for an unknown action or a request of the wrong type
   */
  public Object call(String action, Object request) {
    return pipeline.call(typed(action, request), request);
  }

  /**
   * @param action an action name
   * @param request a request of its type (or null, refused by validation)
   * @return the action's spec, typed so the request can be passed on
   */
  @SuppressWarnings("unchecked")
  static ActionSpec<Object, Object> typed(String action, Object request) {
    ActionSpec<?, ?> spec = Invokers.spec(action);
    if (spec == null) {
      throw new IllegalArgumentException("unknown action " + action);
    }
    if (request != null && !spec.requestType().isInstance(request)) {
      throw new IllegalArgumentException(action + " takes " + spec.requestType().getSimpleName()
          + ", not " + request.getClass().getSimpleName());
    }
    return (ActionSpec<Object, Object>) spec;
  }

  /**
   * Releases the validator and, when the client built its own {@code HttpClient}, that client (on
   * JDK 21+; a supplied {@code HttpClient} is never closed). Views from {@link #withOptions} and
   * {@link #async()} share these: close the client you built.
   */
  @Override
  public void close() {
    core.close();
  }

  @Override
  public String toString() {
    return "ZegoAiAgentClient[appId=" + appId + ", endpoint=" + endpoint + ", timeout=" + pipeline.timeout()
        + ", " + pipeline.retryPolicy() + ", serverSecret=***]";
  }

  /** Builder of {@link ZegoAiAgentClient}. Required: appId, serverSecret, and a region or endpoint. */
  public static final class Builder {
    /** Default cap of an answer body: 4 MiB, far above any answer the contract describes. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4L << 20;

    private long appId = -1;
    private String serverSecret;
    private URI endpoint;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(15);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.THREAD;
    private Clock clock = Clock.systemUTC();
    private System.Logger logger;
    private boolean localValidation = true;
    private Duration timeout;
    private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private final List<CallListener> listeners = new ArrayList<>();
    private HttpClient httpClient;
    private Executor executor;
    private ProxySelector proxy;
    private SSLContext sslContext;

    private Builder() { }

    /**
     * Sets appId, serverSecret and the endpoint from {@code ZEGO_APP_ID}, {@code ZEGO_SERVER_SECRET},
     * and {@code ZEGO_ENDPOINT} or {@code ZEGO_REGION} (an empty variable counts as unset).
     *
     * @return this
     * @throws IllegalStateException naming the variable that is missing or malformed
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    Builder fromEnv(Function<String, String> env) {
      EnvSettings settings = EnvSettings.read(env);
      return appId(settings.appId()).serverSecret(settings.serverSecret()).endpoint(settings.endpoint());
    }

    /**
     * @param appId the AppId from the ZEGOCLOUD console, an unsigned 32-bit integer
     * @return this
     */
    public Builder appId(long appId) {
      if (appId < 0 || appId > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("appId must be an unsigned 32-bit integer, was " + appId);
      }
      this.appId = appId;
      return this;
    }

    /**
     * @param serverSecret the project's ServerSecret; it signs requests and is never sent or printed
     * @return this
     */
    public Builder serverSecret(String serverSecret) {
      if (serverSecret == null || serverSecret.isBlank()) {
        throw new IllegalArgumentException("serverSecret must not be blank");
      }
      this.serverSecret = serverSecret;
      return this;
    }

    /**
     * @param region a documented access domain
     * @return this
     */
    public Builder region(Region region) {
      this.endpoint = Objects.requireNonNull(region, "region").baseUri();
      return this;
    }

    /**
     * @param endpoint any base URL, e.g. a mock server's {@code http://127.0.0.1:8080}
     * @return this
     */
    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (!"http".equalsIgnoreCase(endpoint.getScheme()) && !"https".equalsIgnoreCase(endpoint.getScheme())) {
        throw new IllegalArgumentException("endpoint must be an http or https URL, was " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    /**
     * @param connectTimeout connect timeout (default 5 s)
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Arguments.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * @param readTimeout time to wait for the answer (default 15 s); with the connect timeout it
     *     makes the default deadline of an attempt, see {@link #timeout(Duration)}
     * @return this
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Arguments.positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * @param retryPolicy when to retry (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} to never)
     * @return this
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * @param sleeper how the sync client waits between attempts (tests replace it); the async
     *     client never blocks a thread to wait
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * @param clock the clock of Timestamps and Sequences (default UTC system clock)
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param timeout the deadline of each attempt, covering connect, send and the complete answer
     *     body (default connectTimeout + readTimeout); an attempt past it fails with a
     *     {@code ZegoTransportException} of reason TIMEOUT and is not retried
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param maxAnswerBytes the largest answer body accepted (default 4 MiB); a larger one fails
     *     with a {@code ZegoTransportException} of reason ANSWER_TOO_LARGE naming the cap
     * @return this
     */
    public Builder maxAnswerBytes(long maxAnswerBytes) {
      if (maxAnswerBytes < 1 || maxAnswerBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxAnswerBytes must be in [1, 2^31 - 9], was " + maxAnswerBytes);
      }
      this.maxAnswerBytes = maxAnswerBytes;
      return this;
    }

    /**
     * @param listener told of every attempt, success and failure (metrics, tracing); may be called
     *     several times, listeners are told in order
     * @return this
     */
    public Builder listener(CallListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * @param httpClient a JDK client to send with (its executor, proxy, SSL and HTTP version
     *     settings apply; it is never closed by this client). Excludes {@link #executor},
     *     {@link #proxy}, {@link #sslContext} and the connect timeout, which configure the client
     *     built otherwise.
     * @return this
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * @param executor the executor of the built {@code HttpClient} (where async answers complete)
     * @return this
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * @param proxy the proxy selector of the built {@code HttpClient}
     * @return this
     */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * @param sslContext the TLS context of the built {@code HttpClient}
     * @return this
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * @param logger where to log one line per attempt (action, attempt, duration, outcome; never the
     *     secret or a signature); default none. It is a {@link LoggingCallListener}, told first.
     * @return this
     */
    public Builder logger(System.Logger logger) {
      this.logger = logger;
      return this;
    }

    /**
     * @param localValidation check requests against the contract before sending (default true)
     * @return this
     */
    public Builder localValidation(boolean localValidation) {
      this.localValidation = localValidation;
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException when appId, serverSecret or the endpoint is missing
     */
    public ZegoAiAgentClient build() {
      if (appId < 0) {
        throw new IllegalStateException("appId is required");
      }
      if (serverSecret == null) {
        throw new IllegalStateException("serverSecret is required");
      }
      if (endpoint == null) {
        throw new IllegalStateException("a region or an endpoint is required");
      }
      if (httpClient != null && (executor != null || proxy != null || sslContext != null)) {
        throw new IllegalStateException("executor, proxy and sslContext configure the HttpClient the client builds;"
            + " set them on the supplied httpClient instead");
      }
      return new ZegoAiAgentClient(this);
    }

    /** @return the async face of a new client; closing it closes that client */
    public ZegoAiAgentAsyncClient buildAsync() {
      return build().owningAsync();
    }

    @Override
    public String toString() {
      return "ZegoAiAgentClient.Builder[appId=" + appId + ", endpoint=" + endpoint + ", serverSecret=***]";
    }
  }
}
