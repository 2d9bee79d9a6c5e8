package io.github.zegoaiagent.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --app-id} and {@code --server-secret}, or {@code ZEGO_APP_ID} and
 * {@code ZEGO_SERVER_SECRET} (the names {@code ZegoAiAgentClient.fromEnv()} reads). A flag wins
 * over its variable; an empty variable counts as unset. The secret is never printed back.
 */
final class CredentialOptions {
  static final String APP_ID_ENV = "ZEGO_APP_ID";
  static final String SECRET_ENV = "ZEGO_SERVER_SECRET";
  private static final long MAX_APP_ID = 0xFFFF_FFFFL;

  @Option(names = "--app-id", paramLabel = "N", description = "The AppId (1 to 4294967295) [" + APP_ID_ENV + "]")
  String appId;

  @Option(names = "--server-secret", paramLabel = "SECRET",
      description = "The AppId's ServerSecret; never printed [" + SECRET_ENV + "]")
  String serverSecret;

  /**
   * @param env the environment
   * @return the AppId
   * @throws UsageException naming the flag and the variable when it is missing or not an AppId
   */
  long appId(Map<String, String> env) {
    Sourced s = Sourced.of(appId, "--app-id", env, APP_ID_ENV);
    if (s == null) {
      throw new UsageException("no AppId: pass --app-id N or set " + APP_ID_ENV
          + " (the mock's banner prints one; the live service's is in the ZEGOCLOUD console)");
    }
    try {
      long id = Long.parseLong(s.value().trim());
      if (id >= 1 && id <= MAX_APP_ID) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("AppId " + Text.clip(s.value()) + " (from " + s.source()
        + ") is not a number from 1 to 4294967295");
  }

  /**
   * @param env the environment
   * @return the ServerSecret
   * @throws UsageException naming the flag and the variable when it is missing
   */
  String serverSecret(Map<String, String> env) {
    Sourced s = Sourced.of(serverSecret, "--server-secret", env, SECRET_ENV);
    if (s == null) {
      throw new UsageException("no ServerSecret: set " + SECRET_ENV + " (or pass --server-secret)"
          + " to the AppId's ServerSecret (the mock's banner prints one)");
    }
    return s.value().trim();
  }

  /** A value and where it came from, for messages. */
  record Sourced(String value, String source) {
    /** @return the flag's value, else the variable's, else null (blank counts as unset) */
    static Sourced of(String flag, String flagName, Map<String, String> env, String variable) {
      if (flag != null) {
        return new Sourced(flag, flagName);
      }
      String v = env.get(variable);
      return v == null || v.isBlank() ? null : new Sourced(v, variable);
    }
  }
}
