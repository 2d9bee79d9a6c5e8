package io.github.zegoaiagent.spring;

import io.github.zegoaiagent.client.generated.Region;
import io.github.zegoaiagent.client.token.Token04Variant;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zego.aiagent.*}: the client, user tokens, the callback endpoint and the health check.
 * Secrets are never printed by {@link #toString()}; keep them out of committed files (environment
 * variables {@code ZEGO_AIAGENT_SERVER_SECRET}, {@code ZEGO_AIAGENT_CALLBACK_SECRET}, or a vault).
 *
 * <p>An empty value is the same as no value ({@code app-id: ${ZEGO_APP_ID:}} without the variable
 * configures nothing). Right after binding the properties are checked together
 * ({@link #afterPropertiesSet()}): a half configuration, such as an AppID without its
 * ServerSecret, stops the start with a {@link ZegoAiAgentConfigurationException} that names the
 * property (Spring Boot prints it as "Description / Action").
 */
@ConfigurationProperties(prefix = "zego.aiagent")
public class ZegoAiAgentProperties implements InitializingBean {

  /** Whether to configure the client (and token service, metrics, health) at all. */
  private boolean enabled = true;

  /** AppID from the ZEGOCLOUD console (unsigned 32-bit). The client is configured only when it is set. */
  private Long appId;

  /** ServerSecret from the console: signs API calls and user tokens; never sent or printed. */
  private String serverSecret;

  /** Documented access domain of the service. Exactly one of region and endpoint. */
  private Region region;

  /** Any base URL instead of a region, e.g. a mock server's http://127.0.0.1:8080. */
  private URI endpoint;

  /** Connect timeout of the HTTP client. */
  private Duration connectTimeout = Duration.ofSeconds(5);

  /** Time to wait for an answer after connecting. */
  private Duration readTimeout = Duration.ofSeconds(15);

  /** Deadline of each attempt covering connect, send and the whole answer (default connect + read timeout). */
  private Duration timeout;

  /** Check requests against the contract's limits before sending. */
  private boolean localValidation = true;

  /** Retries of calls the service certainly did not apply. */
  private final Retry retry = new Retry();

  /** Token04 user tokens. */
  private final Token token = new Token();

  /** The endpoint that receives the service's callbacks. */
  private final Callback callback = new Callback();

  /** The Actuator health contributor. */
  private final Health health = new Health();

  /** Micrometer metrics of calls and callbacks. */
  private final Metrics metrics = new Metrics();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Long getAppId() {
    return appId;
  }

  public void setAppId(Long appId) {
    this.appId = appId;
  }

  public String getServerSecret() {
    return serverSecret;
  }

  public void setServerSecret(String serverSecret) {
    this.serverSecret = blankToNull(serverSecret);
  }

  public Region getRegion() {
    return region;
  }

  public void setRegion(Region region) {
    this.region = region;
  }

  public URI getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public boolean isLocalValidation() {
    return localValidation;
  }

  public void setLocalValidation(boolean localValidation) {
    this.localValidation = localValidation;
  }

  public Retry getRetry() {
    return retry;
  }

  public Token getToken() {
    return token;
  }

  public Callback getCallback() {
    return callback;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * Checks the properties together, right after binding.
   *
   * @throws ZegoAiAgentConfigurationException naming the property of a half or wrong configuration
   */
  @Override
  public void afterPropertiesSet() {
    PropertiesCheck.check(this);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "ZegoAiAgentProperties[appId=" + appId + ", region=" + region + ", endpoint=" + endpoint
        + ", serverSecret=***, callback.served=" + callback.isServed() + ", callback.secret=***]";
  }

  /** {@code zego.aiagent.retry.*}. */
  public static class Retry {

    /** Attempts per call including the first; 1 never retries. */
    private int maxAttempts = 3;

    /** Backoff before the first retry; doubles after each. */
    private Duration initialBackoff = Duration.ofMillis(250);

    /** Largest backoff. */
    private Duration maxBackoff = Duration.ofSeconds(2);

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** {@code zego.aiagent.token.*}. */
  public static class Token {

    /** Validity of tokens issued without an explicit one (whole seconds). */
    private Duration defaultValidity = Duration.ofHours(1);

    /** GCM (current, recommended) or CBC (legacy layout of the official generators before 2023-12). */
    private Token04Variant variant = Token04Variant.GCM;

    public Duration getDefaultValidity() {
      return defaultValidity;
    }

    public void setDefaultValidity(Duration defaultValidity) {
      this.defaultValidity = defaultValidity;
    }

    public Token04Variant getVariant() {
      return variant;
    }

    public void setVariant(Token04Variant variant) {
      this.variant = variant;
    }
  }

  /** {@code zego.aiagent.callback.*}. */
  public static class Callback {

    /**
     * Serve the callback endpoint (a servlet; needs a servlet web application). Unset: served when
     * callback.secret is set; true: the secret is required; false: never.
     */
    private Boolean enabled;

    /** Path of the endpoint; give ZEGO support the HTTPS URL that reaches it. */
    private String path = "/zego/callback";

    /** CallbackSecret from the console (not the ServerSecret): verifies callback signatures. */
    private String secret;

    /** How far a callback's Timestamp may be from this server's clock (default: the service's retry window plus one minute). */
    private Duration tolerance;

    /** Accepted deliveries remembered for duplicate detection (in memory, unless a CallbackDuplicateStore bean is defined). */
    private int duplicateStoreCapacity = 100_000;

    /** Largest callback body accepted; larger ones get 413. */
    private int maxBodyBytes = 1 << 20;

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    /** @return whether the endpoint is served: enabled, or not switched off and a secret set */
    public boolean isServed() {
      return enabled != null ? enabled : secret != null;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = blankToNull(secret);
    }

    public Duration getTolerance() {
      return tolerance;
    }

    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }

    public int getDuplicateStoreCapacity() {
      return duplicateStoreCapacity;
    }

    public void setDuplicateStoreCapacity(int duplicateStoreCapacity) {
      this.duplicateStoreCapacity = duplicateStoreCapacity;
    }

    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }
  }

  /** {@code zego.aiagent.health.*}. */
  public static class Health {

    /** Contribute "zegoAiAgent" to the Actuator health endpoint. */
    private boolean enabled = true;

    /** Call ListAgents (Limit 1) when no call has reported for probe-interval; off: report only what real calls showed. */
    private boolean probe = false;

    /** How old the last outcome may be before the probe calls again. */
    private Duration probeInterval = Duration.ofSeconds(30);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isProbe() {
      return probe;
    }

    public void setProbe(boolean probe) {
      this.probe = probe;
    }

    public Duration getProbeInterval() {
      return probeInterval;
    }

    public void setProbeInterval(Duration probeInterval) {
      this.probeInterval = probeInterval;
    }
  }

  /** {@code zego.aiagent.metrics.*}. */
  public static class Metrics {

    /** Observe calls, attempts and callback deliveries (Micrometer Observations: timers and, with tracing, spans). */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
