package io.github.zegoaiagent.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Retryer;
import io.github.zegoaiagent.client.api.AgentsApi;
import io.github.zegoaiagent.client.api.InstanceControlApi;
import io.github.zegoaiagent.client.api.InstancesApi;
import io.github.zegoaiagent.client.decode.EnvelopeDecoder;
import io.github.zegoaiagent.client.decode.HttpStatusErrorDecoder;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.generated.Region;
import io.github.zegoaiagent.client.listening.ListeningSequencer;
import io.github.zegoaiagent.client.listening.WalkieTalkie;
import io.github.zegoaiagent.client.retry.CallPipeline;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.retry.Sleeper;
import io.github.zegoaiagent.client.send.JsonEncoder;
import io.github.zegoaiagent.client.send.Transport;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SigningInterceptor;
import io.github.zegoaiagent.client.validate.RequestValidator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import io.github.zegoaiagent.client.internal.Arguments;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client of the ZEGOCLOUD AI Agent server API. Each call is validated against the contract, signed
 * afresh, sent as {@code POST /?Action=X}, decoded (a non-zero {@code Code} becomes a
 * {@link io.github.zegoaiagent.client.error.ZegoApiException}) and retried only when the service
 * certainly did nothing. Immutable and thread-safe; build one per AppId and share it.
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
  private final RequestValidator validator;
  private final AgentsApi agents;
  private final InstancesApi instances;
  private final InstanceControlApi control;
  private final ListeningSequencer sequencer;
  private final Map<String, Method> methodsByAction = new ConcurrentHashMap<>();

  private ZegoAiAgentClient(Builder b) {
    this.appId = b.appId;
    this.endpoint = b.endpoint;
    ObjectMapper mapper = JsonCodec.newMapper();
    this.validator = b.localValidation ? new RequestValidator(mapper) : null;
    RequestSigner signer = new RequestSigner(b.appId, b.serverSecret, b.clock);
    String url = endpoint.toString().replaceAll("/+$", "");
    Feign.Builder feign = Feign.builder()
        .client(Transport.client(endpoint, b.connectTimeout))
        .options(Transport.options(b.connectTimeout, b.readTimeout))
        .encoder(new JsonEncoder(mapper))
        .decoder(new EnvelopeDecoder(mapper))
        .errorDecoder(new HttpStatusErrorDecoder())
        .requestInterceptor(new SigningInterceptor(signer))
        // Feign's default retryer repeats POSTs that may have taken effect; CallPipeline retries instead.
        .retryer(Retryer.NEVER_RETRY);
    this.agents = build(feign, AgentsApi.class, url, b);
    this.instances = build(feign, InstancesApi.class, url, b);
    this.control = build(feign, InstanceControlApi.class, url, b);
    this.sequencer = new ListeningSequencer(b.clock);
  }

  private <T> T build(Feign.Builder feign, Class<T> api, String url, Builder b) {
    return feign
        .invocationHandlerFactory((target, dispatch) ->
            new CallPipeline(api, dispatch, validator, b.retryPolicy, b.sleeper, b.logger))
        .target(api, url);
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
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

  /** @return the per-(instance, user) monotonic Sequence source this client uses */
  public ListeningSequencer sequencer() {
    return sequencer;
  }

  /**
   * Calls an action by its name, for tools that work from the contract's action list.
   *
   * @param action the {@code x-zego-action}, e.g. {@code CreateAgentInstance}
   * @param request the request body, of the action's generated request type
   * @return the decoded answer
   * @throws IllegalArgumentException for an unknown action or a request of the wrong type
   */
  public Object call(String action, Object request) {
    ActionCatalog.Entry entry = ActionCatalog.ACTIONS.stream().filter(e -> e.action().equals(action)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown action " + action));
    if (request != null && !entry.requestType().isInstance(request)) {
      throw new IllegalArgumentException(action + " takes " + entry.requestType().getSimpleName()
          + ", not " + request.getClass().getSimpleName());
    }
    Method method = methodsByAction.computeIfAbsent(action, a -> find(entry));
    Object api = entry.api() == AgentsApi.class ? agents : entry.api() == InstancesApi.class ? instances : control;
    try {
      return method.invoke(api, request);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Method find(ActionCatalog.Entry entry) {
    try {
      return entry.api().getMethod(entry.method(), entry.requestType());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("generated catalog and interface disagree on " + entry.action(), e);
    }
  }

  /** Releases the validator. The JDK HTTP client needs no closing. */
  @Override
  public void close() {
    if (validator != null) {
      validator.close();
    }
  }

  @Override
  public String toString() {
    return "ZegoAiAgentClient[appId=" + appId + ", endpoint=" + endpoint + ", serverSecret=***]";
  }

  /** Builder of {@link ZegoAiAgentClient}. Required: appId, serverSecret, and a region or endpoint. */
  public static final class Builder {
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

    private Builder() { }

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
     * @param readTimeout time to wait for an answer (default 15 s)
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
     * @param sleeper how to wait between attempts (tests replace it)
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
     * @param logger where to log one line per attempt (action, attempt, duration, outcome; never the
     *     secret or a signature); default none
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
      return new ZegoAiAgentClient(this);
    }


    @Override
    public String toString() {
      return "ZegoAiAgentClient.Builder[appId=" + appId + ", endpoint=" + endpoint + ", serverSecret=***]";
    }
  }
}
