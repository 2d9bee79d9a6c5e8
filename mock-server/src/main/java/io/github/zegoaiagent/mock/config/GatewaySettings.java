package io.github.zegoaiagent.mock.config;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mock's gateway accepts: the credentials, strict nonces, the QPS limit and the
 * timestamp tolerance. {@link #toString()} shows AppIds, never a ServerSecret.
 *
 * @param credentials AppId → ServerSecret, in the order configured (the first is the default pair)
 * @param strict strict nonce checks
 * @param qpsLimit requests per second per action and App; 0 = unlimited
 * @param timestampToleranceSeconds accepted |server time − Timestamp|, inclusive
 */
public record GatewaySettings(Map<Long, String> credentials, boolean strict, int qpsLimit,
    int timestampToleranceSeconds) {
  /** The AppId used when none is configured. */
  public static final long DEFAULT_APP_ID = 1234567890L;

  /** AppIds served. */
  public static final Setting<List<Long>> APP_ID = Setting.<List<Long>>of("app-id",
          "AppIds served (1 to 4294967295); in Java: credential(appId, serverSecret)", List.class)
      .text("N", Text.list(Text::longInteger)).repeatable()
      .byDefault(String.valueOf(DEFAULT_APP_ID))
      .check(GatewaySettings::checkAppIds).build();

  /** ServerSecrets, by position. */
  public static final Setting<List<String>> SERVER_SECRET = Setting.<List<String>>of("server-secret",
          "ServerSecret of the AppId at the same position", List.class)
      .text("S", Text.list(Text::nonEmpty)).repeatable().secret()
      .byDefault("random", List::of).check(GatewaySettings::checkSecrets).build();

  /** Strict nonces. */
  public static final Setting<Boolean> STRICT = Setting.<Boolean>of("strict",
          "Nonce must be 16 lowercase hex characters and not used by another request whose Timestamp is still valid",
          Boolean.class)
      .text("", Text::bool).byDefault("false").check(Text.notNull()).build();

  /** QPS limit. */
  public static final Setting<Integer> QPS_LIMIT = Setting.<Integer>of("qps-limit",
          "Requests per second per action and App; 0 = off", Integer.class)
      .text("N", Text::integer)
      .byDefault(ContractLimits.text("qpsPerAction"), () -> ContractLimits.limit("qpsPerAction"))
      .check(Text.range(0, 1_000_000)).build();

  /** Timestamp tolerance. */
  public static final Setting<Integer> TIMESTAMP_TOLERANCE = Setting.<Integer>of("timestamp-tolerance",
          "Seconds a request's Timestamp may differ from the mock's clock", Integer.class)
      .text("SECONDS", Text::integer)
      .byDefault(ContractLimits.text("timestampToleranceSeconds"),
          () -> ContractLimits.limit("timestampToleranceSeconds"))
      .check(Text.range(0, 86_400 * 365)).build();

  /** The group. */
  public static final SettingGroup<GatewaySettings> GROUP = SettingGroup.of("gateway",
      v -> new GatewaySettings(pair(v.get(APP_ID), v.get(SERVER_SECRET)), v.get(STRICT),
          v.get(QPS_LIMIT), v.get(TIMESTAMP_TOLERANCE)),
      APP_ID, SERVER_SECRET, STRICT, QPS_LIMIT, TIMESTAMP_TOLERANCE);

  /** Copies the credentials. */
  public GatewaySettings {
    credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
  }

  /**
   * @param appId an AppId
   * @throws IllegalArgumentException unless in [1, 2^32 − 1]
   */
  static void checkAppId(long appId) {
    if (appId < 1 || appId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an AppId (an unsigned 32-bit integer, not 0): " + appId);
    }
  }

  private static void checkAppIds(List<Long> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("at least one AppId");
    }
    for (int i = 0; i < ids.size(); i++) {
      checkAppId(ids.get(i));
      if (ids.indexOf(ids.get(i)) != i) {
        throw new IllegalArgumentException("AppId " + ids.get(i) + " given twice");
      }
    }
  }

  private static void checkSecrets(List<String> secrets) {
    if (secrets == null || secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
      throw new IllegalArgumentException("a ServerSecret must not be empty");
    }
  }

  /**
   * @param ids AppIds
   * @param secrets ServerSecrets by position, possibly fewer
   * @return the secrets, one per AppId: the missing ones random
   * @throws IllegalArgumentException when there are more secrets than AppIds
   */
  public static List<String> secretPerAppId(List<Long> ids, List<String> secrets) {
    if (secrets.size() > ids.size()) {
      throw new IllegalArgumentException("more ServerSecrets (" + secrets.size() + ") than AppIds ("
          + ids.size() + "): give them in pairs");
    }
    List<String> out = new java.util.ArrayList<>(secrets);
    while (out.size() < ids.size()) {
      out.add(randomSecret());
    }
    return List.copyOf(out);
  }

  private static Map<Long, String> pair(List<Long> ids, List<String> secrets) {
    List<String> all = secretPerAppId(ids, secrets);
    Map<Long, String> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      m.put(ids.get(i), all.get(i));
    }
    return m;
  }

  /** @return a fresh random secret: 32 lowercase hex characters */
  public static String randomSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public String toString() {
    return "GatewaySettings[appIds=" + credentials.keySet() + ", strict=" + strict + ", qpsLimit="
        + qpsLimit + ", timestampToleranceSeconds=" + timestampToleranceSeconds + "]";
  }
}
