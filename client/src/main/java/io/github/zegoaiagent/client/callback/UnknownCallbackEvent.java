package io.github.zegoaiagent.client.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.model.CallbackEvent;

/**
 * A genuine callback whose {@code Event} the contract does not know yet (the service adds events
 * over time). The raw body is kept.
 *
 * @param event the Event name
 * @param body the whole body
 */
public record UnknownCallbackEvent(String event, JsonNode body) implements CallbackEvent {

  @Override
  public String getEvent() {
    return event;
  }

  /** @return the Event name and the body, escaped and clipped ({@code WireText}) */
  @Override
  public String toString() {
    return "UnknownCallbackEvent[event=" + WireText.clip(event, 64) + ", body=" + WireText.display(body) + "]";
  }
}
