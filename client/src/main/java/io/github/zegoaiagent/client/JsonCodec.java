package io.github.zegoaiagent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration of the client. */
public final class JsonCodec {

  private JsonCodec() { }

  /**
   * Unset (null) fields are omitted from request bodies; unknown fields in answers are ignored,
   * because the service adds fields over time; a fractional number is refused where the contract
   * says integer ({@code "Round": 1.9} is not read as 1), with its JSON path, as the envelope's
   * {@code Code} is.
   *
   * @return a new mapper configured for the AI Agent API
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
  }
}
