package io.github.zegoaiagent.mock.internal.http;

import java.util.Map;

/**
 * What an endpoint behind the front answers: an HTTP status, a JSON body, how long to hold
 * the answer back (an injected {@code Fault.delay}; the front schedules it, no thread waits) and
 * extra headers (the control API's {@code Allow} on a 405).
 *
 * @param status HTTP status
 * @param body JSON bytes (or the dashboard's HTML, CSS, JavaScript)
 * @param delayMillis answer this much later; 0 = at once
 * @param delayFromMillis the simulation time the delay counts from: when the request was
 *     admitted and its fault consumed (a clock advanced before the front waits uses part of it)
 * @param headers extra response headers (name to value); Content-Length and Connection are the
 *     front's, Content-Type too unless given here (JSON by default)
 */
public record Answer(int status, byte[] body, long delayMillis, long delayFromMillis, Map<String, String> headers) {
  /** Copies the headers. */
  public Answer {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** An answer sent at once, with extra headers. */
  public Answer(int status, byte[] body, Map<String, String> headers) {
    this(status, body, 0, 0, headers);
  }

  /** An answer sent at once, without extra headers. */
  public Answer(int status, byte[] body) {
    this(status, body, 0, 0, Map.of());
  }

  /** @param body envelope bytes @return HTTP 200 at once */
  public static Answer ok(byte[] body) {
    return new Answer(200, body);
  }
}
