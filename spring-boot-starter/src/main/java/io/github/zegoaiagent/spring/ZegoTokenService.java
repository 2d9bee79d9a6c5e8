package io.github.zegoaiagent.spring;

import io.github.zegoaiagent.client.token.RtcPrivilege;
import io.github.zegoaiagent.client.token.Token04Generator;
import java.time.Duration;
import java.util.Objects;

/**
 * Issues Token04 user tokens for the configured App: what your web or mobile client's ZEGO SDK logs
 * into the RTC room with. Typically the first route of a voice-agent backend:
 *
 * <pre>{@code
 * @GetMapping("/token")
 * Map<String, String> token(Principal user) {
 *   return Map.of("token", tokens.issue(user.getName()));
 * }
 * }</pre>
 *
 * Thread-safe. Validation errors are {@link io.github.zegoaiagent.client.token.Token04Exception}.
 */
public class ZegoTokenService {

  private final long appId;
  private final Token04Generator generator;
  private final Duration defaultValidity;

  /**
   * @param appId the AppID the tokens are for
   * @param generator the generator (AppID, ServerSecret, variant)
   * @param defaultValidity validity of {@link #issue(String)}
   */
  public ZegoTokenService(long appId, Token04Generator generator, Duration defaultValidity) {
    this.appId = appId;
    this.generator = Objects.requireNonNull(generator, "generator");
    this.defaultValidity = Objects.requireNonNull(defaultValidity, "defaultValidity");
  }

  /** @return the AppID the tokens are for (the client SDK needs it too) */
  public long appId() {
    return appId;
  }

  /**
   * @param userId the user ID the client SDK logs in with
   * @return a basic token valid for {@code zego.aiagent.token.default-validity}
   */
  public String issue(String userId) {
    return generator.generate(userId, defaultValidity);
  }

  /**
   * @param userId the user ID
   * @param validity how long it is valid, whole seconds
   * @return a basic token
   */
  public String issue(String userId, Duration validity) {
    return generator.generate(userId, validity);
  }

  /**
   * @param userId the user ID
   * @param validity how long it is valid, whole seconds
   * @param privilege room and privileges ("strict" tokens, where ZEGO support enabled them)
   * @return a strict token
   */
  public String issue(String userId, Duration validity, RtcPrivilege privilege) {
    return generator.generate(userId, validity, privilege);
  }

  @Override
  public String toString() {
    return "ZegoTokenService[appId=" + appId + ", defaultValidity=" + defaultValidity + ", serverSecret=***]";
  }
}
