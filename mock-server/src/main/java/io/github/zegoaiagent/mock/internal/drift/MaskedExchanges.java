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
 * JSON is replaced by its size. Nothing of the query is kept but the Action.
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
    JsonNode maskedBody = b == null ? null : callback ? masker.maskByName(b) : masker.mask(action, b);
    JsonNode a = answer == null ? null : parse(answer);
    Set<String> kinds = new LinkedHashSet<>();
    drift.forEach(d -> kinds.add(d.kind().wireName()));
    return new RecordedExchange(callback ? RecordedExchange.CALLBACK : RecordedExchange.EXCHANGE, sequence,
        at.toString(), action == null ? null : Names.action(action), event == null ? null : Names.event(event),
        method, Names.path(path), maskedBody, b == null ? note(body) : null, status,
        a == null ? null : masker.maskByName(a), a == null ? note(answer) : null,
        Math.round(nanos / 1e4) / 100.0, List.copyOf(kinds));
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
