package io.github.zegoaiagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.ZegoContract;

/**
 * Reads the contract's examples through the typed model ({@link ZegoContract}), so tests exercise
 * the documented payloads instead of restating them.
 */
public final class SpecExamples {

  private static final ZegoContract CONTRACT = ZegoContract.load();
  private static final JsonNode SPEC = CONTRACT.document();

  private SpecExamples() { }

  /** @return the typed contract */
  public static ZegoContract contract() {
    return CONTRACT;
  }

  /** @return the whole contract document (a shared copy: do not change it) */
  public static JsonNode spec() {
    return SPEC;
  }

  /**
   * @param action an x-zego-action
   * @return the first request example of that action
   */
  public static JsonNode request(String action) {
    return CONTRACT.action(action).firstRequestExample();
  }

  /**
   * @param action an x-zego-action
   * @return the first response example with Code 0
   */
  public static JsonNode successResponse(String action) {
    Action a = CONTRACT.action(action);
    return a.responseExamples().keySet().stream().map(a::responseExample)
        .filter(value -> value.path("Code").asInt(-1) == 0).findFirst()
        .orElseThrow(() -> new IllegalStateException(action + " has no success example"));
  }

  /** @return the first example of the callback request body */
  public static JsonNode callbackExample() {
    return CONTRACT.callbacks().get(0).firstExample();
  }
}
