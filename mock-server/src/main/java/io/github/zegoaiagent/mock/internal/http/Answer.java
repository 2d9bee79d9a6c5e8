package io.github.zegoaiagent.mock.internal.http;

/**
 * What an endpoint behind the front answers: an HTTP status, a JSON body and how long to hold
 * the answer back (an injected {@code Fault.delay}; the front schedules it, no thread waits).
 *
 * @param status HTTP status
 * @param body JSON bytes
 * @param delayMillis answer this much later; 0 = at once
 */
public record Answer(int status, byte[] body, long delayMillis) {
  /** @param body envelope bytes @return HTTP 200 at once */
  public static Answer ok(byte[] body) {
    return new Answer(200, body, 0);
  }
}
