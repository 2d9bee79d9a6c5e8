package io.github.zegoaiagent.client.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.zegoaiagent.client.core.WireText;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.error.ZegoTransportException.Reason;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the envelope {@code {Code, Message, RequestId, Data}} strictly: HTTP 200, a JSON object,
 * an integral {@code Code}; {@code Code 0} becomes the generated response type, which must carry
 * {@code Data} when the contract's response schema defines it; a {@code Data} of the wrong shape
 * (a fractional number in an integer field included) fails with the JSON path that did not match.
 * A non-zero {@code Code} is thrown as the exception of its category. An answer that is not the
 * envelope at all (another server's page) says so in one line. Unknown fields are ignored (the
 * service adds fields over time). Text from the wire is escaped and clipped ({@link WireText}).
 * Internal.
 */
public final class EnvelopeDecoder {

  /** The most characters of a foreign answer's body quoted in a message. */
  static final int QUOTED_BODY_CHARS = 200;

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
   * @param type the generated response type
   * @param answer the complete answer
   * @param attempt the attempt it answers
   * @param <R> the response type
   * @return the response of a {@code Code 0} answer
   * @throws ZegoException for any other answer
   */
  public <R> Decoded<R> decode(Class<R> type, Answer answer, Attempt attempt) {
    String action = attempt.action();
    JsonNode tree = readTree(answer.body());
    JsonNode code = tree != null && tree.isObject() ? tree.get("Code") : null;
    if (answer.status() != 200) {
      if (isIntegral(code)) {
        throw new ZegoTransportException(action, "HTTP " + answer.status() + " instead of 200 from "
            + attempt.endpoint() + ", with Code " + code.asLong() + ": " + WireText.clip(text(tree, "Message"))
            + requestId(tree), Reason.HTTP_STATUS, answer.status(), true, null);
      }
      throw notTheApi(answer, attempt, "", Reason.HTTP_STATUS);
    }
    if (code == null || code.isNull()) {
      throw notTheApi(answer, attempt, tree != null && tree.isObject() ? " without a Code" : "", Reason.MALFORMED_ANSWER);
    }
    if (!isIntegral(code)) {
      throw malformed(action, "the answer's Code is not an integer at $.Code (" + WireText.clip(code.toString(), 64)
          + ")" + requestId(tree), null);
    }
    String requestId = text(tree, "RequestId");
    if (code.intValue() != 0) {
      throw ExceptionMapper.map(action, code.intValue(), text(tree, "Message"), requestId, attempt.number(),
          Advice.of(code.intValue(), attempt, answer));
    }
    Shape shape = shapes.computeIfAbsent(type, this::shape);
    if (shape.dataType() != null) {
      JsonNode data = tree.get("Data");
      if (data == null || data.isNull()) {
        throw malformed(action, "answer without Data: Code 0, but the contract defines Data as "
            + shape.dataType() + requestId(tree), null);
      }
    }
    try {
      @SuppressWarnings("unchecked")
      R value = (R) shape.reader().readValue(tree);
      return new Decoded<>(value, requestId);
    } catch (JsonMappingException e) {
      throw malformed(action, "the answer does not match " + type.getSimpleName() + " at " + path(e) + ": "
          + problem(e) + requestId(tree), e);
    } catch (IOException e) {
      throw malformed(action, "the answer cannot be read as " + type.getSimpleName() + ": "
          + WireText.clip(firstLine(e.getMessage())) + requestId(tree), e);
    }
  }

  private JsonNode readTree(byte[] body) {
    try {
      return body.length == 0 ? null : mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isIntegral(JsonNode code) {
    return code != null && code.isIntegralNumber() && code.canConvertToInt();
  }

  /** One line: whose answer this is, and what to check. */
  private static ZegoTransportException notTheApi(Answer answer, Attempt attempt, String what, Reason reason) {
    byte[] body = answer.body();
    String quoted = body.length == 0 ? "an empty body"
        : "body " + WireText.clip(new String(body, 0, Math.min(body.length, QUOTED_BODY_CHARS * 4),
            StandardCharsets.UTF_8), QUOTED_BODY_CHARS);
    return new ZegoTransportException(attempt.action(), "not the ZEGO AI Agent API: HTTP " + answer.status() + " "
        + WireText.clip(answer.contentType(), 100) + what + " from " + attempt.endpoint()
        + "; check the endpoint (" + quoted + ")", reason, answer.status(), true, null);
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

  /**
   * @param e a mapping failure
   * @return its JSON path, e.g. {@code $.Data.Round} or {@code $.Data.Agents[0]}, field names escaped
   */
  public static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(WireText.clip(r.getFieldName(), 64));
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /**
   * @param e a mapping failure
   * @return what was wrong, in one escaped, clipped line
   */
  public static String problem(JsonMappingException e) {
    return WireText.clip(firstLine(e.getOriginalMessage()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "wrong type";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String requestId(JsonNode tree) {
    String id = text(tree, "RequestId");
    return " [RequestId " + (id == null ? "none" : WireText.clip(id, 128)) + "]";
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree == null ? null : tree.get(field);
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
