package io.github.zegoaiagent.conformance.raw;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A target's answer.
 *
 * @param status HTTP status
 * @param body parsed JSON body, or null when it is not JSON
 * @param raw the body as text
 */
public record Answer(int status, JsonNode body, String raw) {

  /** @return the Code, or -1 without one */
  public int code() {
    return body == null || !body.has("Code") ? -1 : body.get("Code").asInt();
  }

  /** @return the Message, or "" */
  public String message() {
    return body == null ? "" : body.path("Message").asText("");
  }

  /** @return the Data node (missing node when absent) */
  public JsonNode data() {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : body.path("Data");
  }

  @Override
  public String toString() {
    return "HTTP " + status + " " + raw;
  }
}
