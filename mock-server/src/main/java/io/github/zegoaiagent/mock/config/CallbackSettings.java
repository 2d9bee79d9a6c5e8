package io.github.zegoaiagent.mock.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the mock delivers its signed callbacks. {@link #toString()} never shows the secret.
 *
 * @param url where callbacks are POSTed, or null when they are only recorded
 * @param secret the secret callbacks are signed with (not the ServerSecret)
 * @param retryDelays delays before each retry of a failed delivery
 * @param timeout timeout of one callback POST
 * @param queueSize deliveries waiting at most (newer events dropped beyond)
 */
public record CallbackSettings(URI url, String secret, List<Duration> retryDelays, Duration timeout, int queueSize) {
  /** Callback URL. */
  public static final Setting<URI> URL = Setting.<URI>of("callback-url",
          "Deliver signed callbacks there (http or https); none: only recorded", URI.class)
      .text("URL", Text::httpUrl).check(Text::checkHttpUrl).build();
  /** Callback secret. */
  public static final Setting<String> SECRET = Setting.<String>of("callback-secret",
          "Callback signing secret (not the ServerSecret)", String.class)
      .text("S", Text::nonEmpty).secret().byDefault("random", GatewaySettings::randomSecret)
      .check(Text::nonEmpty).build();
  /** Retry delays. */
  public static final Setting<List<Duration>> RETRY_DELAYS = Setting.<List<Duration>>of("callback-retry-delays",
          "Delays before each retry of a failed delivery, comma-separated; none = no retry", List.class)
      .text("DURATIONS", Text.list(Text::duration))
      .byDefault(ContractLimits.text("callbackRetryDelaysSeconds"), ContractLimits::callbackRetryDelays)
      .check(CallbackSettings::checkDelays).build();
  /** POST timeout. */
  public static final Setting<Duration> TIMEOUT = Setting.<Duration>of("callback-timeout",
          "Timeout of one callback POST", Duration.class)
      .text("DURATION", Text::duration).byDefault("5s").check(Text.atLeast(Duration.ofMillis(1))).build();
  /** Queue size. */
  public static final Setting<Integer> QUEUE_SIZE = Setting.<Integer>of("callback-queue-size",
          "Callback deliveries waiting at most (newer events dropped beyond)", Integer.class)
      .text("N", Text::integer).byDefault("10000").check(CapSettings.CAP).build();

  /** The group. */
  public static final SettingGroup<CallbackSettings> GROUP = SettingGroup.of("callbacks",
      v -> new CallbackSettings(v.get(URL), v.get(SECRET), v.get(RETRY_DELAYS), v.get(TIMEOUT), v.get(QUEUE_SIZE)),
      URL, SECRET, RETRY_DELAYS, TIMEOUT, QUEUE_SIZE);

  /** Copies the list. */
  public CallbackSettings {
    retryDelays = List.copyOf(retryDelays);
  }

  private static void checkDelays(List<Duration> delays) {
    if (delays == null || delays.size() > 20) {
      throw new IllegalArgumentException("at most 20 retry delays");
    }
    delays.forEach(Text.atLeast(Duration.ZERO));
  }

  @Override
  public String toString() {
    return "CallbackSettings[url=" + url + ", retryDelays=" + retryDelays + ", timeout=" + timeout
        + ", queueSize=" + queueSize + "]";
  }
}
