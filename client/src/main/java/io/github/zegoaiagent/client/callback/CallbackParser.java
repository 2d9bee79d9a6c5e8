package io.github.zegoaiagent.client.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.model.CallbackEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a callback request body into a typed event after checking its signature. Framework-free:
 * give it the raw body from any servlet, Spring controller or JDK HttpServer handler, and answer
 * HTTP 200 when it returns. Unknown fields are ignored; unknown events come back as
 * {@link UnknownCallbackEvent}. Thread-safe.
 *
 * <pre>{@code
 * CallbackParser parser = new CallbackParser(new CallbackVerifier(callbackSecret));
 * CallbackEvent event = parser.parse(bodyBytes);
 * if (event instanceof AgentInstanceDeletedEvent deleted) { ... }
 * }</pre>
 */
public final class CallbackParser {

  private final CallbackVerifier verifier;
  private final ObjectMapper mapper = JsonCodec.newMapper();

  /** @param verifier the verifier holding the App's callback secret */
  public CallbackParser(CallbackVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * @param body the request body as received
   * @return the typed event ({@code ASRResultEvent}, {@code AgentInstanceDeletedEvent}, ...)
   * @throws InvalidCallbackException when the body is not JSON or the signature is missing or wrong
   */
  public CallbackEvent parse(byte[] body) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      throw new InvalidCallbackException("callback body is not JSON", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidCallbackException("callback body is not a JSON object", null);
    }
    String timestamp = text(tree, "Timestamp");
    String nonce = text(tree, "Nonce");
    String signature = text(tree, "Signature");
    if (timestamp == null || nonce == null || signature == null) {
      throw new InvalidCallbackException("callback lacks Timestamp, Nonce or Signature", null);
    }
    if (!verifier.isValid(timestamp, nonce, signature)) {
      throw new InvalidCallbackException("callback signature is wrong (Nonce " + nonce + ", Timestamp " + timestamp + ")", null);
    }
    String event = text(tree, "Event");
    try {
      CallbackEvent typed = mapper.treeToValue(tree, CallbackEvent.class);
      return typed != null ? typed : new UnknownCallbackEvent(event, tree);
    } catch (JsonProcessingException e) {
      throw new InvalidCallbackException("callback " + event + " does not match its schema: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param body the request body as received, UTF-8
   * @return the typed event
   * @throws InvalidCallbackException when the body is not JSON or the signature is missing or wrong
   */
  public CallbackEvent parse(String body) {
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }
}
