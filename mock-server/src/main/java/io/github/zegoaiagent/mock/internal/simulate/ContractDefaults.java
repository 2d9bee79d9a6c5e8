package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.contract.DefaultValue;
import io.github.zegoaiagent.contract.ZegoContract;
import io.github.zegoaiagent.mock.internal.validate.Contract;

/**
 * Defaults the simulation applies when a request leaves a property out, read from the contract
 * ({@code components/schemas/<Schema>/properties/<Property>/default}), never restated in code.
 * A default the contract lacks fails at start-up, not in the middle of a request.
 */
final class ContractDefaults {
  /** AdvancedConfig.MaxIdleTime of voice and digital-human instances, seconds. */
  final int maxIdleTime;
  /** AdvancedConfigLive.MaxIdleTime of live digital-human instances, seconds. */
  final int maxIdleTimeLive;
  /** AdvancedConfig.CommunicationMode. */
  final int communicationMode;
  /** MessageHistory.WindowSize. */
  final int windowSize;
  /** MessageHistory.SyncMode. */
  final int syncMode;
  /** DigitalHuman.EncodeCode. */
  final String encodeCode;
  /** ListAgentsRequest.Limit (also what a Limit of 0 means). */
  final int listAgentsLimit;

  private ContractDefaults(ZegoContract contract) {
    maxIdleTime = of(contract, "AdvancedConfig", "MaxIdleTime").intValue();
    maxIdleTimeLive = of(contract, "AdvancedConfigLive", "MaxIdleTime").intValue();
    communicationMode = of(contract, "AdvancedConfig", "CommunicationMode").intValue();
    windowSize = of(contract, "MessageHistory", "WindowSize").intValue();
    syncMode = of(contract, "MessageHistory", "SyncMode").intValue();
    encodeCode = of(contract, "DigitalHuman", "EncodeCode").textValue();
    listAgentsLimit = of(contract, "ListAgentsRequest", "Limit").intValue();
  }

  /** @return the defaults of the packaged contract */
  static ContractDefaults load() {
    return new ContractDefaults(Contract.load().model());
  }

  private static JsonNode of(ZegoContract contract, String schema, String property) {
    return contract.defaultOf("/components/schemas/" + schema + "/properties/" + property)
        .map(DefaultValue::json)
        .orElseThrow(() -> new IllegalStateException("contract: " + schema + "." + property + " has no default"));
  }
}
