package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
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

  private ContractDefaults(JsonNode schemas) {
    maxIdleTime = of(schemas, "AdvancedConfig", "MaxIdleTime").intValue();
    maxIdleTimeLive = of(schemas, "AdvancedConfigLive", "MaxIdleTime").intValue();
    communicationMode = of(schemas, "AdvancedConfig", "CommunicationMode").intValue();
    windowSize = of(schemas, "MessageHistory", "WindowSize").intValue();
    syncMode = of(schemas, "MessageHistory", "SyncMode").intValue();
    encodeCode = of(schemas, "DigitalHuman", "EncodeCode").textValue();
    listAgentsLimit = of(schemas, "ListAgentsRequest", "Limit").intValue();
  }

  /** @return the defaults of the packaged contract */
  static ContractDefaults load() {
    return new ContractDefaults(Contract.load().root().path("components").path("schemas"));
  }

  private static JsonNode of(JsonNode schemas, String schema, String property) {
    JsonNode d = schemas.path(schema).path("properties").path(property).path("default");
    if (d.isMissingNode()) {
      throw new IllegalStateException("contract: " + schema + "." + property + " has no default");
    }
    return d;
  }
}
