package io.github.zegoaiagent.spring;

import io.github.zegoaiagent.client.generated.Region;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The checks of {@code zego.aiagent.*} taken together, run right after binding
 * ({@link ZegoAiAgentProperties#afterPropertiesSet()}), so a half configuration stops the start
 * with the property named instead of failing later (or never) inside a bean. Unset means missing
 * or empty. The client part is checked only when {@code zego.aiagent.enabled} is not false; the
 * callback part only when the endpoint would be served.
 */
final class PropertiesCheck {
  static final String PREFIX = "zego.aiagent.";
  private static final long MAX_APP_ID = 0xFFFF_FFFFL;

  private PropertiesCheck() { }

  static void check(ZegoAiAgentProperties p) {
    if (p.isEnabled()) {
      client(p);
    }
    ZegoAiAgentProperties.Callback c = p.getCallback();
    if (Boolean.TRUE.equals(c.getEnabled()) && c.getSecret() == null) {
      throw new ZegoAiAgentConfigurationException(PREFIX + "callback.secret",
          "zego.aiagent.callback.enabled is true but zego.aiagent.callback.secret is empty: every callback would be refused.",
          "Set zego.aiagent.callback.secret to the CallbackSecret of your ZEGOCLOUD console (not the ServerSecret), "
              + "for example from the environment variable ZEGO_AIAGENT_CALLBACK_SECRET; or remove "
              + "zego.aiagent.callback.enabled: the endpoint is then served exactly when a callback secret is set.");
    }
    if (c.isServed()) {
      if (c.getPath() == null || !c.getPath().startsWith("/")) {
        throw invalid("callback.path", "'" + c.getPath() + "'", "a path starting with /, such as /zego/callback");
      }
      positive("callback.tolerance", c.getTolerance(), true);
      atLeastOne("callback.duplicate-store-capacity", c.getDuplicateStoreCapacity());
      atLeastOne("callback.max-body-bytes", c.getMaxBodyBytes());
    }
  }

  private static void client(ZegoAiAgentProperties p) {
    Long appId = p.getAppId();
    if (appId == null) {
      if (p.getServerSecret() != null) {
        throw new ZegoAiAgentConfigurationException(PREFIX + "app-id",
            "zego.aiagent.server-secret is set but zego.aiagent.app-id is empty: a ServerSecret without its AppID configures nothing.",
            "Set zego.aiagent.app-id to the AppID of the same ZEGOCLOUD console project (for example from the "
                + "environment variable ZEGO_AIAGENT_APP_ID), or leave both empty to run without the ZEGOCLOUD client.");
      }
      return; // unset: no client, no token service, nothing to check
    }
    if (appId < 1 || appId > MAX_APP_ID) {
      throw invalid("app-id", Long.toString(appId), "the AppID of your ZEGOCLOUD console project, 1 to " + MAX_APP_ID);
    }
    if (p.getServerSecret() == null) {
      throw new ZegoAiAgentConfigurationException(PREFIX + "server-secret",
          "zego.aiagent.app-id is set (" + appId + ") but zego.aiagent.server-secret is empty: the client cannot sign "
              + "calls and the token service cannot issue tokens.",
          "Set zego.aiagent.server-secret to the ServerSecret of the same console project (for example from the "
              + "environment variable ZEGO_AIAGENT_SERVER_SECRET or a vault; never commit it), or leave "
              + "zego.aiagent.app-id empty to run without the ZEGOCLOUD client.");
    }
    if (p.getRegion() != null && p.getEndpoint() != null) {
      throw new ZegoAiAgentConfigurationException(PREFIX + "region",
          "Both zego.aiagent.region (" + p.getRegion() + ") and zego.aiagent.endpoint (" + p.getEndpoint()
              + ") are set; the client needs exactly one.",
          "Keep zego.aiagent.region for the service, or zego.aiagent.endpoint for any other base URL (a mock), not both.");
    }
    if (p.getRegion() == null && p.getEndpoint() == null) {
      throw new ZegoAiAgentConfigurationException(PREFIX + "region",
          "zego.aiagent.app-id is set but neither zego.aiagent.region nor zego.aiagent.endpoint says where the service is.",
          "Set zego.aiagent.region to one of " + regions() + ", or zego.aiagent.endpoint to a base URL "
              + "(for example a mock's http://127.0.0.1:8080).");
    }
    if (p.getEndpoint() != null) {
      String scheme = p.getEndpoint().getScheme();
      if (!p.getEndpoint().isAbsolute() || p.getEndpoint().getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw invalid("endpoint", "'" + p.getEndpoint() + "'", "an absolute http or https URL, such as https://aigc-aiagent-api.zegotech.cn");
      }
    }
    positive("connect-timeout", p.getConnectTimeout(), false);
    positive("read-timeout", p.getReadTimeout(), false);
    positive("timeout", p.getTimeout(), true);
    atLeastOne("retry.max-attempts", p.getRetry().getMaxAttempts());
    notNegative("retry.initial-backoff", p.getRetry().getInitialBackoff());
    notNegative("retry.max-backoff", p.getRetry().getMaxBackoff());
    positive("token.default-validity", p.getToken().getDefaultValidity(), false);
    if (p.getHealth().isProbe()) {
      positive("health.probe-interval", p.getHealth().getProbeInterval(), false);
    }
  }

  static String regions() {
    return Arrays.stream(Region.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static ZegoAiAgentConfigurationException invalid(String property, String value, String expected) {
    return new ZegoAiAgentConfigurationException(PREFIX + property,
        PREFIX + property + " is " + value + ", which cannot work.",
        "Set " + PREFIX + property + " to " + expected + ".");
  }

  private static void positive(String property, Duration d, boolean optional) {
    if (d == null ? !optional : d.isNegative() || d.isZero()) {
      throw invalid(property, String.valueOf(d), "a positive duration, such as 5s");
    }
  }

  private static void notNegative(String property, Duration d) {
    if (d == null || d.isNegative()) {
      throw invalid(property, String.valueOf(d), "a duration of 0 or more, such as 250ms");
    }
  }

  private static void atLeastOne(String property, int n) {
    if (n < 1) {
      throw invalid(property, Integer.toString(n), "1 or more");
    }
  }
}
