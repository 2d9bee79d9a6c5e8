package io.github.zegoaiagent.client.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.callback.InvalidCallbackException.Reason;
import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.model.CallbackEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a callback request body into a typed event after verifying it ({@link CallbackVerifier}:
 * signature, Timestamp tolerance, Nonce not seen before) and checking that the same event (its
 * AgentInstanceId, Event and Sequence) was not accepted before under another Nonce, as a retry
 * re-signed by the service would be. Framework-free; {@link CallbackReceiver} wraps it with a
 * handler and HTTP statuses. Unknown fields are ignored; unknown events come back as
 * {@link UnknownCallbackEvent}. Thread-safe.
 *
 * <pre>{@code
 * CallbackParser parser = new CallbackParser(new CallbackVerifier(callbackSecret));
 * CallbackEvent event = parser.parse(bodyBytes);   // InvalidCallbackException: reason() says why
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

  /** @return the verifier */
  public CallbackVerifier verifier() {
    return verifier;
  }

  /**
   * @param body the request body as received
   * @return the typed event ({@code ASRResultEvent}, {@code AgentInstanceDeletedEvent}, ...)
   * @throws InvalidCallbackException when the body is malformed, forged, stale or a duplicate
   */
  public CallbackEvent parse(byte[] body) {
    return accept(body).event();
  }

  /**
   * @param body the request body as received, UTF-8
   * @return the typed event
   * @throws InvalidCallbackException when the body is malformed, forged, stale or a duplicate
   */
  public CallbackEvent parse(String body) {
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** An accepted delivery and the duplicate-store keys it claimed (to forget if handling fails). */
  record Delivery(CallbackEvent event, List<String> keys) { }

  Delivery accept(byte[] body) {
    JsonNode tree;
    try {
      tree = body == null ? null : mapper.readTree(body);
    } catch (IOException e) {
      throw new InvalidCallbackException(Reason.MALFORMED, "callback body is not JSON", null);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidCallbackException(Reason.MALFORMED, "callback body is not a JSON object", null);
    }
    String timestamp = text(tree, "Timestamp");
    String nonce = text(tree, "Nonce");
    String signature = text(tree, "Signature");
    if (timestamp == null || nonce == null || signature == null) {
      throw new InvalidCallbackException(Reason.MALFORMED, "callback lacks Timestamp, Nonce or Signature", null);
    }
    String event = text(tree, "Event");
    CallbackEvent typed;
    try {
      typed = mapper.treeToValue(tree, CallbackEvent.class);
    } catch (JsonProcessingException e) {
      // Checked before the signature would be recorded; the message names the event and the path, not the body.
      typed = null;
      if (verifier.isValid(timestamp, nonce, signature)) {
        throw new InvalidCallbackException(Reason.MALFORMED, "callback " + WireText.clip(event, 64)
            + " does not match its schema" + (e instanceof JsonMappingException m
                ? " at " + EnvelopeDecoder.path(m) + ": " + EnvelopeDecoder.problem(m)
                : ": " + WireText.clip(e.getOriginalMessage())), null);
      }
    }
    CallbackVerifier.Verdict verdict = verifier.verify(timestamp, nonce, signature);
    String where = " (Event " + WireText.clip(event, 64) + ", Nonce " + WireText.clip(nonce, 64) + ", Timestamp "
        + WireText.clip(timestamp, 32) + ")";
    switch (verdict) {
      case FORGED -> throw new InvalidCallbackException(Reason.FORGED, "callback signature is wrong" + where, null);
      case MALFORMED -> throw new InvalidCallbackException(Reason.MALFORMED, "callback Timestamp is not a number of milliseconds" + where, null);
      case STALE -> throw new InvalidCallbackException(Reason.STALE, "callback Timestamp is " + skew(timestamp)
          + " this server's clock, more than the tolerance of " + verifier.tolerance().toSeconds() + " s" + where, null);
      case DUPLICATE -> throw new InvalidCallbackException(Reason.DUPLICATE, "callback Nonce already accepted" + where, null);
      case GENUINE -> { }
      default -> throw new IllegalStateException("unknown verdict " + verdict);
    }
    List<String> keys = new ArrayList<>(2);
    keys.add(CallbackVerifier.nonceKey(nonce));
    String identity = identity(tree, event);
    if (identity != null) {
      boolean first;
      try {
        first = verifier.firstDelivery(identity, Long.parseLong(timestamp));
      } catch (RuntimeException e) { // a shared store failed: the Nonce must not stay recorded for a delivery never handled
        keys.forEach(verifier::forget);
        throw e;
      }
      if (!first) {
        // Keep the nonce recorded: this body is a duplicate either way.
        throw new InvalidCallbackException(Reason.DUPLICATE, "callback event already accepted under another Nonce" + where, null);
      }
      keys.add(identity);
    }
    return new Delivery(typed != null ? typed : new UnknownCallbackEvent(event, tree), List.copyOf(keys));
  }

  /** @return e.g. {@code 7200 s behind} or {@code 90 s ahead of}, whole seconds rounded away from zero */
  private String skew(String timestamp) {
    long millis = Long.parseLong(timestamp) - verifier.clock().millis();
    long seconds = Math.floorDiv(Math.abs(millis) + 999, 1000);
    return seconds + (millis < 0 ? " s behind" : " s ahead of");
  }

  void forget(Delivery delivery) {
    delivery.keys().forEach(verifier::forget);
  }

  /** The event's identity across re-signed retries: AgentInstanceId, Event and Sequence, when all are present. */
  private static String identity(JsonNode tree, String event) {
    String instance = text(tree, "AgentInstanceId");
    JsonNode sequence = tree.get("Sequence");
    if (instance == null || event == null || sequence == null || !sequence.canConvertToLong()) {
      return null;
    }
    return "event:" + instance + "/" + event + "/" + sequence.asLong();
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }
}
