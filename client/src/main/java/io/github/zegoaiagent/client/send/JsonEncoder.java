package io.github.zegoaiagent.client.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes request bodies as JSON with the client's mapper (unset fields omitted). */
public final class JsonEncoder implements Encoder {

  private final ObjectMapper mapper;

  /** @param mapper the client's mapper */
  public JsonEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    try {
      template.body(mapper.writerFor(mapper.constructType(bodyType)).writeValueAsBytes(object), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot write the request body as JSON", e);
    }
  }
}
