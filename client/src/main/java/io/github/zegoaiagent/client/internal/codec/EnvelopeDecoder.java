package io.github.zegoaiagent.client.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.error.ZegoTransportException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the envelope {@code {Code, Message, RequestId, Data}} strictly: HTTP 200, a JSON object,
 * an integral {@code Code}; {@code Code 0} becomes the generated response type, which must carry
 * {@code Data} when the contract's response schema defines it; a {@code Data} of the wrong shape
 * fails with the JSON path that did not match. A non-zero {@code Code} is thrown as the exception
 * of its category. Unknown fields are ignored (the service adds fields over time). Internal.
 */
public final class EnvelopeDecoder {

  private static final int MAX_QUOTED_CHARS = 512;

  private final ObjectMapper mapper;
  private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

  /** @param mapper the client's mapper */
  public EnvelopeDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** What the decoder knows of a response type, computed once: its reader and its Data type. */
  private record Shape(ObjectReader reader, String dataType) { }

  /**
   * A decoded success.
   *
   * @param value the response
   * @param requestId its RequestId, or null
   * @param <R> the response type
   */
  public record Decoded<R>(R value, String requestId) { }

  /**
   * @param action the action, for messages
   * @param type the generated response type
   * @param status the HTTP status
   * @param body the complete body
   * @param <R> the response type
   * @return the response of a {@code Code 0} answer
   * @throws ZegoException for any other answer
   */
  public <R> Decoded<R> decode(String action, Class<R> type, int status, byte[] body) {
    if (status != 200) {
      throw new ZegoTransportException(action, "HTTP " + status + " instead of 200" + quote(body),
          Reason.HTTP_STATUS, status, true, null);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      throw malformed(action, "the answer is not JSON" + quote(body), e);
    }
    if (tree == null || !tree.isObject()) {
      throw malformed(action, "the answer is not a JSON object" + quote(body), null);
    }
    JsonNode code = tree.get("Code");
    if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
      throw malformed(action, "the answer has no integral Code (Code: " + code + ")", null);
    }
    String requestId = text(tree, "RequestId");
    if (code.intValue() != 0) {
      throw ExceptionMapper.map(action, code.intValue(), text(tree, "Message"), requestId);
    }
    Shape shape = shapes.computeIfAbsent(type, this::shape);
    if (shape.dataType() != null) {
      JsonNode data = tree.get("Data");
      if (data == null || data.isNull()) {
        throw malformed(action, "answer without Data: Code 0, but the contract defines Data as "
            + shape.dataType() + " [RequestId " + requestId + "]", null);
      }
    }
    try {
      @SuppressWarnings("unchecked")
      R value = (R) shape.reader().readValue(tree);
      return new Decoded<>(value, requestId);
    } catch (JsonMappingException e) {
      throw malformed(action, "the answer does not match " + type.getSimpleName() + " at " + path(e) + ": "
          + firstLine(e.getOriginalMessage()) + " [RequestId " + requestId + "]", e);
    } catch (IOException e) {
      throw malformed(action, "the answer cannot be read as " + type.getSimpleName() + ": "
          + firstLine(e.getMessage()), e);
    }
  }

  private Shape shape(Class<?> type) {
    BeanDescription d = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    String dataType = null;
    for (BeanPropertyDefinition p : d.findProperties()) {
      // The envelope's own Data is untyped (Object); only a response schema that defines its Data requires it.
      if (p.getName().equals("Data") && p.getPrimaryType().getRawClass() != Object.class) {
        dataType = p.getPrimaryType().getRawClass().getSimpleName();
      }
    }
    return new Shape(mapper.readerFor(type), dataType);
  }

  private static ZegoTransportException malformed(String action, String message, Throwable cause) {
    return new ZegoTransportException(action, message, Reason.MALFORMED_ANSWER, 200, true, cause);
  }

  /** @return the JSON path of a mapping failure, e.g. {@code $.Data.Round} or {@code $.Data.Agents[0]} */
  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "wrong type";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String quote(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    String s = new String(body, 0, Math.min(body.length, MAX_QUOTED_CHARS * 4), StandardCharsets.UTF_8);
    return ": " + (s.length() > MAX_QUOTED_CHARS ? s.substring(0, MAX_QUOTED_CHARS) + "…" : s);
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  /**
   * @param request a request body
   * @return it as JSON (unset fields omitted)
   */
  public byte[] encode(Object request) {
    try {
      return mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
