package io.github.zegoaiagent.mock.http;

import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * What the front hands complete, well-framed requests to. Framework-free: nothing here knows
 * the HTTP server that carries it (ADR 0002).
 *
 * @param api the signed API (every target outside the control prefix)
 * @param controlPrefix raw path prefix of the control API, for example {@code /_mock/}
 * @param control the control API, or null when it is switched off
 * @param frontError envelope for a request the front refuses (framing, timeout): the message
 *     in, JSON bytes out
 * @param bug envelope for an exception that escaped an endpoint (a bug in the mock)
 */
public record Endpoints(Api api, String controlPrefix, Control control,
    Function<String, byte[]> frontError, Function<Throwable, byte[]> bug) {

  /** The API behind the front. */
  @FunctionalInterface
  public interface Api {
    /** @param request what arrived @return the answer (HTTP 200 with the envelope) */
    Answer answer(RawRequest request);
  }

  /** The control API behind the front. */
  @FunctionalInterface
  public interface Control {
    /**
     * @param method HTTP method
     * @param rawPath the raw (still percent-encoded) path, starting with the control prefix
     * @param remote the caller's address
     * @param body the body bytes (at most the front's body cap)
     * @param bodyTooLarge whether the body was longer than the cap
     * @return status and JSON
     */
    Answer answer(String method, String rawPath, InetSocketAddress remote, byte[] body,
        boolean bodyTooLarge);
  }
}
