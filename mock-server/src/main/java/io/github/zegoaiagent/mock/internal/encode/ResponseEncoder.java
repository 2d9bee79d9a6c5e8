package io.github.zegoaiagent.mock.internal.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.error.Codes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the envelope {@code {Code, Message, RequestId, Data}}: the handler's response model
 * supplies Data, this class owns the other three. RequestIds are decimal strings, unique per
 * server.
 */
public final class ResponseEncoder {
  private final ObjectMapper mapper;
  private final AtomicLong requestIds;

  /** @param mapper mapper that leaves out nulls */
  public ResponseEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
    // Time-seeded so RequestIds of two runs rarely collide in a shared log.
    this.requestIds = new AtomicLong(1_000_000_000_000_000_000L
        + (System.nanoTime() & 0xFFFF_FFFFL) * 1_000_000L);
  }

  /** @return a fresh RequestId */
  public String nextRequestId() {
    return Long.toString(requestIds.incrementAndGet());
  }

  /**
   * @param response the generated response model (its Data is kept)
   * @param requestId RequestId
   * @return the envelope as JSON bytes
   */
  public byte[] success(Object response, String requestId) {
    ObjectNode n = response == null ? mapper.createObjectNode() : mapper.valueToTree(response);
    ObjectNode out = envelope(Codes.SUCCESS, "success", requestId);
    if (n.hasNonNull("Data")) {
      out.set("Data", n.get("Data"));
    }
    return write(out);
  }

  /**
   * @param code the Code
   * @param message the Message
   * @param requestId RequestId
   * @return the envelope as JSON bytes
   */
  public byte[] error(int code, String message, String requestId) {
    return write(envelope(code, message, requestId));
  }

  private ObjectNode envelope(int code, String message, String requestId) {
    ObjectNode out = mapper.createObjectNode();
    out.put("Code", code);
    out.put("Message", message);
    out.put("RequestId", requestId);
    return out;
  }

  private byte[] write(ObjectNode n) {
    try {
      return mapper.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write envelope", e);
    }
  }
}
