package io.github.zegoaiagent.mock.config;

import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.time.Duration;
import java.util.List;

/**
 * Defaults that are facts of the API: read from the contract's {@code x-zego-limits} (parsed
 * once per JVM, on the first configuration built without them), never restated here.
 */
final class ContractLimits {
  private ContractLimits() {
  }

  /** @return the documentation text of a contract default */
  static String text(String limit) {
    return "x-zego-limits." + limit;
  }

  static Integer limit(String name) {
    return Contract.load().limit(name);
  }

  static List<Duration> callbackRetryDelays() {
    return Contract.load().callbackRetryDelaysSeconds().stream().map(Duration::ofSeconds).toList();
  }
}
