package io.github.zegoaiagent.client.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import io.github.zegoaiagent.client.error.ExceptionMapper;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Decodes the envelope {@code {Code, Message, RequestId, Data}}. HTTP 200 with {@code Code 0}
 * becomes the generated response type; a non-zero {@code Code} is thrown as the exception of its
 * category; any other status, or a body that is not the envelope, is a
 * {@link ZegoTransportException}.
 */
public final class EnvelopeDecoder implements Decoder {

  private final ObjectMapper mapper;

  /** @param mapper the client's mapper */
  public EnvelopeDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    String action = Actions.fromUrl(response.request().url());
    byte[] body = read(response);
    if (response.status() != 200) {
      throw new ZegoTransportException(action, "HTTP " + response.status() + " instead of 200"
          + (body.length == 0 ? "" : ": " + Util.decodeOrDefault(body, Util.UTF_8, "(binary body)")),
          response.status(), true, null);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ZegoTransportException(action, "the answer is not JSON", 200, true, e);
    }
    JsonNode code = tree == null ? null : tree.get("Code");
    if (code == null || !code.canConvertToInt()) {
      throw new ZegoTransportException(action, "the answer has no integer Code", 200, true, null);
    }
    if (code.intValue() != 0) {
      throw ExceptionMapper.map(action, code.intValue(), text(tree, "Message"), text(tree, "RequestId"));
    }
    return mapper.readerFor(mapper.constructType(type)).readValue(tree);
  }

  private static byte[] read(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
