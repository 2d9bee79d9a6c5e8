package io.github.zegoaiagent.conformance;

import io.github.zegoaiagent.conformance.raw.RawApi;
import io.github.zegoaiagent.conformance.spec.Spec;
import io.github.zegoaiagent.conformance.sut.Target;
import io.github.zegoaiagent.conformance.sut.Targets;
import java.util.Set;

/** Shared handles of the suite: the contract, the target and a raw sender for it. */
final class Suite {

  static final Spec SPEC = Spec.CONTRACT;
  static final Target TARGET = Targets.current();
  static final RawApi RAW = new RawApi(TARGET);

  /**
   * Actions that read without changing anything (the contract's {@code x-zego-read-only: true});
   * everything else may create or change resources.
   */
  static final Set<String> READ_ONLY = SPEC.readOnlyActions();

  /** An AgentInstanceId no target has issued. */
  static final String UNKNOWN_INSTANCE = "9".repeat(19);

  private Suite() { }

  /** @return true when the target may receive requests that could change state for this action */
  static boolean mayChange(String action) {
    return READ_ONLY.contains(action) || TARGET.mayCreateResources();
  }

  /** A reason for skipping on this target. */
  static String billableReason(String action) {
    return action + " may create or change resources on the live service; pass -Dconformance.allowBillable=true";
  }

  /** @return a new empty JSON object */
  static com.fasterxml.jackson.databind.node.ObjectNode object() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  /** @return a new empty JSON array */
  static com.fasterxml.jackson.databind.node.ArrayNode array() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }

  /** @return a short run-unique suffix for IDs (letters and digits) */
  static String unique() {
    return Long.toString(System.nanoTime(), 36);
  }
}
