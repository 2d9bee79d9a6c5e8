package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;

/**
 * What a handler method knows about the call besides the decoded request.
 *
 * @param appId the authenticated App
 * @param action the action's row in the generated table
 * @param body the raw, schema-valid body (to tell an absent field from a default)
 * @param nowMillis simulation time of the call
 */
public record CallContext(long appId, ActionHandler.Action<CallContext> action, JsonNode body,
    long nowMillis) {

  /**
   * @param field top-level body field
   * @return whether the caller sent it (not null)
   */
  public boolean sent(String field) {
    JsonNode n = body.get(field);
    return n != null && !n.isNull();
  }
}
