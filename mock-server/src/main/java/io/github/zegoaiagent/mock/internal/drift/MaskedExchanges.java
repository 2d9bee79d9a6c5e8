package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the masked form of an exchange (a recording line, a report's example), failing closed as
 * the journal does ({@link SecretMasker}): request bodies are masked by the action's
 * {@code x-zego-secret} paths and by name, answers and callback events by name (an answer's
 * stored credentials, such as QueryAgents' {@code LLM.ApiKey}, included); a body that is not
 * JSON is replaced by its size. A masked object or array keeps its shape, every value in it
 * masked ({@code "***"}, numbers 0, booleans false): a replayed request is then still read as the
 * recorded one was (TTS.Params.app stays an object). Nothing of the query is kept but the Action.
 */
public final class MaskedExchanges {
  private final ObjectMapper mapper = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
  private final SecretMasker masker = new SecretMasker(mapper, Contract.load().model());

  /**
   * @param sequence line number
   * @param at when answered
   * @param action the Action (null for a callback)
   * @param event the callback's Event (null for an exchange)
   * @param method HTTP method
   * @param path request path
   * @param body request body (a callback's event) as sent
   * @param status HTTP status answered
   * @param answer answer body, or null when there was none
   * @param nanos duration
   * @param drift what was found
   * @return the masked exchange
   */
  public RecordedExchange of(long sequence, Instant at, String action, String event, String method, String path,
      byte[] body, int status, byte[] answer, long nanos, List<Drift> drift) {
    boolean callback = action == null && event != null;
    JsonNode b = parse(body);
    JsonNode maskedBody = b == null ? null : keepShape(b, callback ? masker.maskByName(b) : masker.mask(action, b));
    JsonNode a = answer == null ? null : parse(answer);
    Set<String> kinds = new LinkedHashSet<>();
    drift.forEach(d -> kinds.add(d.kind().wireName()));
    return new RecordedExchange(callback ? RecordedExchange.CALLBACK : RecordedExchange.EXCHANGE, sequence,
        at.toString(), action == null ? null : Names.action(action), event == null ? null : Names.event(event),
        method, Names.path(path), maskedBody, b == null ? note(body) : null, status,
        a == null ? null : keepShape(a, masker.maskByName(a)), a == null ? note(answer) : null,
        Math.round(nanos / 1e4) / 100.0, List.copyOf(kinds));
  }

  /** Where the masker replaced a whole object or array by {@code "***"}, puts back its shape, masked throughout. */
  static JsonNode keepShape(JsonNode original, JsonNode masked) {
    if (original == null || masked == null) {
      return masked;
    }
    if (masked.isTextual() && SecretMasker.MASK.equals(masked.textValue()) && original.isContainerNode()) {
      return maskAll(original);
    }
    if (masked.isObject() && original.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = (com.fasterxml.jackson.databind.node.ObjectNode) masked;
      java.util.List<String> keys = new java.util.ArrayList<>();
      masked.fieldNames().forEachRemaining(keys::add);
      keys.forEach(k -> out.set(k, keepShape(original.get(k), masked.get(k))));
      return out;
    }
    if (masked.isArray() && original.isArray() && masked.size() == original.size()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = (com.fasterxml.jackson.databind.node.ArrayNode) masked;
      for (int i = 0; i < out.size(); i++) {
        out.set(i, keepShape(original.get(i), out.get(i)));
      }
      return out;
    }
    return masked;
  }

  private static JsonNode maskAll(JsonNode n) {
    var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    if (n.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), maskAll(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
      n.forEach(c -> a.add(maskAll(c)));
      return a;
    }
    if (n.isNumber()) {
      return f.numberNode(0);
    }
    if (n.isBoolean()) {
      return f.booleanNode(false);
    }
    return n.isNull() ? n : f.textNode(SecretMasker.MASK);
  }

  private JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(bytes);
    } catch (Exception e) {
      return null;
    }
  }

  private static String note(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return bytes == null ? "(none)" : "(empty)";
    }
    return "(" + bytes.length + " bytes, not JSON: content not kept, secrets in it could not be masked)";
  }
}
