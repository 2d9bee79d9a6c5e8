package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.generated.Region;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client's settings read from environment variables ({@code ZegoAiAgentClient.fromEnv()}):
 * {@value #APP_ID}, {@value #SERVER_SECRET}, and {@value #ENDPOINT} or {@value #REGION}. An empty
 * variable counts as unset. Every refusal names the variable and what to set; the secret's value
 * is never printed. Internal.
 *
 * @param appId the AppId
 * @param serverSecret the ServerSecret
 * @param endpoint the base URL (from the endpoint or the region)
 */
public record EnvSettings(long appId, String serverSecret, URI endpoint) {

  /** The AppId from the ZEGOCLOUD console. */
  public static final String APP_ID = "ZEGO_APP_ID";
  /** The project's ServerSecret. */
  public static final String SERVER_SECRET = "ZEGO_SERVER_SECRET";
  /** Any base URL, e.g. a mock server's. */
  public static final String ENDPOINT = "ZEGO_ENDPOINT";
  /** A documented region, by its {@code Region} name (e.g. {@code SINGAPORE}, {@code hong-kong}). */
  public static final String REGION = "ZEGO_REGION";

  private static final String NEEDED = "fromEnv() needs " + APP_ID + ", " + SERVER_SECRET + ", and " + ENDPOINT
      + " or " + REGION;

  @Override
  public String toString() {
    return "EnvSettings[appId=" + appId + ", endpoint=" + endpoint + ", serverSecret=***]";
  }

  /**
   * @param env reads one variable (e.g. {@code System::getenv})
   * @return the settings
   * @throws IllegalStateException naming the variable that is missing or malformed
   */
  public static EnvSettings read(Function<String, String> env) {
    String appId = value(env, APP_ID);
    String secret = value(env, SERVER_SECRET);
    String endpoint = value(env, ENDPOINT);
    String region = value(env, REGION);
    if (appId == null || secret == null || (endpoint == null && region == null)) {
      String missing = appId == null ? APP_ID : secret == null ? SERVER_SECRET : ENDPOINT + " (or " + REGION + ")";
      throw new IllegalStateException(missing + " is not set: " + NEEDED
          + " (the AppId and ServerSecret from the ZEGOCLOUD console; a mock server prints its own)");
    }
    if (endpoint != null && region != null) {
      throw new IllegalStateException(ENDPOINT + " and " + REGION + " are both set: set one of them");
    }
    return new EnvSettings(appId(appId), secret, endpoint != null ? endpoint(endpoint) : region(region).baseUri());
  }

  private static String value(Function<String, String> env, String name) {
    String v = env.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static long appId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id >= 1 && id <= 0xFFFF_FFFFL) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException(APP_ID + " must be the AppId, an integer in [1, 4294967295], was \""
        + WireText.clip(text, 64) + "\"");
  }

  private static URI endpoint(String text) {
    try {
      URI uri = URI.create(text);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalStateException(ENDPOINT + " must be an http or https URL such as http://127.0.0.1:8080, was \""
        + WireText.clip(text, 200) + "\"");
  }

  private static Region region(String text) {
    String name = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Region r : Region.values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalStateException(REGION + " \"" + WireText.clip(text, 64) + "\" is not a region; use one of "
        + Arrays.stream(Region.values()).map(Region::name).collect(Collectors.joining(", ")) + " (or set " + ENDPOINT + ")");
  }
}
