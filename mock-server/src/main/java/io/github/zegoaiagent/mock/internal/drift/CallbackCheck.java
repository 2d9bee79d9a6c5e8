package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.callback.CallbackSigner;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a callback event the service POSTed to the contract: the signature (SHA-1 over the sorted
 * CallbackSecret, Timestamp and Nonce, as the contract's {@code CallbackEnvelope.Signature} says),
 * the event name (the {@code CallbackEvent} discriminator) and the event's schema on the tolerant
 * face. Thread-safe.
 */
public final class CallbackCheck {
  private static final String ENVELOPE = "/components/schemas/CallbackEnvelope";

  private final DocumentSchemas documents;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, String> eventSchemas = new LinkedHashMap<>();

  /** What a callback showed. @param event the Event as written (null when absent) @param label the report's name for it @param drift the differences */
  public record Verdict(String event, String label, List<Drift> drift) { }

  /** @param contract the contract */
  public CallbackCheck(Contract contract) {
    this.documents = new DocumentSchemas(contract);
    contract.root().at("/components/schemas/CallbackEvent/discriminator/mapping").fields()
        .forEachRemaining(e -> eventSchemas.put(e.getKey(), e.getValue().asText().substring(1)));
  }

  /**
   * @param body the event as received
   * @param callbackSecret the App's CallbackSecret, or null to leave the signature unchecked
   * @return what differs from the contract
   */
  public Verdict check(byte[] body, String callbackSecret) {
    List<Drift> drift = new ArrayList<>();
    JsonNode event = DocumentSchemas.object(mapper, body, Names.callback(null), drift);
    if (event == null) {
      return new Verdict(null, Names.callback(null), drift);
    }
    String name = event.path("Event").isTextual() ? event.get("Event").asText() : null;
    String label = Names.callback(name);
    if (callbackSecret != null && !signed(event, callbackSecret)) {
      drift.add(new Drift(DriftKind.CALLBACK_SIGNATURE_INVALID, label, "Signature", "the Signature does not match "
          + "SHA-1 of the sorted CallbackSecret, Timestamp and Nonce: either the secret given to the proxy "
          + "(--callback-secret) is not the App's CallbackSecret, or the signature rule differs"));
    }
    String schema = name == null ? null : eventSchemas.get(name);
    if (schema == null) {
      drift.add(new Drift(DriftKind.UNKNOWN_CALLBACK_EVENT, label, "Event", name == null ? "no Event"
          : "the contract's CallbackEvent does not list " + Names.event(name)));
      drift.addAll(documents.checkEnvelope(ENVELOPE, event, label));
    } else {
      drift.addAll(documents.check(schema, event, label));
    }
    return new Verdict(name, label, drift);
  }

  private static boolean signed(JsonNode event, String secret) {
    JsonNode ts = event.get("Timestamp");
    JsonNode nonce = event.get("Nonce");
    JsonNode signature = event.get("Signature");
    if (ts == null || nonce == null || signature == null || !signature.isTextual() || !ts.isValueNode()
        || !nonce.isValueNode()) {
      return false;
    }
    String expected = CallbackSigner.sign(secret, ts.asText(), nonce.asText());
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        signature.asText().getBytes(StandardCharsets.UTF_8));
  }
}
