package io.github.zegoaiagent.mock.internal.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.http.Answer;
import java.net.URI;

/**
 * The proxy's own answers, for what the upstream did not answer: a JSON object
 * {@code {"error": "<what happened and what to do>", "reason": "<a word>"}} (the reason is the drift
 * kind's wire name when the upstream is to blame) with HTTP 502, 503 or
 * 504. Never an envelope: an invented Code could make a client treat a call the service may
 * have applied as refused, or retry it.
 */
final class ProxyErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProxyErrors() {
  }

  static Answer answer(int status, String reason, String message) {
    byte[] body;
    try {
      body = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error", message).put("reason", reason));
    } catch (Exception e) {
      body = ("{\"error\":\"proxy error\",\"reason\":\"" + reason + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return new Answer(status, body);
  }

  /** @param u a URL @return it without user info, query or fragment (what may be shown) */
  static String where(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
