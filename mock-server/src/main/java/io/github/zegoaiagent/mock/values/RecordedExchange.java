package io.github.zegoaiagent.mock.values;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One line of a recording after its header, and the example the drift report shows for a kind:
 * an API exchange or a received callback, secrets masked ({@code x-zego-secret} paths and every
 * property named like a secret become {@code ***}; a body that is not JSON is not kept). The
 * signing parameters (AppId, SignatureNonce, Timestamp, Signature, SignatureVersion) are never
 * recorded.
 *
 * @param type {@value #EXCHANGE} or {@value #CALLBACK}
 * @param sequence 1, 2, 3, ... in the order answered
 * @param at when it was answered, ISO-8601 UTC
 * @param action the Action, or null (a callback)
 * @param event the callback's Event, or null
 * @param method HTTP method
 * @param path request path, e.g. {@code /}
 * @param body the request body (a callback: the event), masked; null when it was not JSON
 * @param bodyNote why {@code body} is null (its size, not its content), or null
 * @param status the HTTP status the client (or the service, for a callback) got
 * @param answer the answer body, masked; null when it was not JSON or there was none
 * @param answerNote why {@code answer} is null, or null
 * @param millis how long the exchange took, in milliseconds
 * @param drift the wire names of the drift kinds found in it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a later minor change of version 1 may add fields
public record RecordedExchange(String type, long sequence, String at, String action, String event,
    String method, String path, JsonNode body, String bodyNote, int status, JsonNode answer,
    String answerNote, double millis, List<String> drift) {
  /** {@link #type()} of an API exchange. */
  public static final String EXCHANGE = "exchange";
  /** {@link #type()} of a received callback. */
  public static final String CALLBACK = "callback";

  /** Copies the list. */
  public RecordedExchange {
    drift = drift == null ? List.of() : List.copyOf(drift);
  }

  /** @return whether this is an API exchange (not a callback) */
  @JsonIgnore
  public boolean isExchange() {
    return EXCHANGE.equals(type);
  }
}
