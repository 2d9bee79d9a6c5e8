package io.github.zegoaiagent.mock;

/**
 * What the mock's HTTP front refuses before any endpoint sees a request, predicted
 * independently from the README's "Every answer" table for the request targets the fuzz tests
 * generate: a byte outside visible ASCII in the target is HTTP 400, a request line longer than
 * {@code maxRequestLineBytes} (default 64 KiB) HTTP 414. Everything else reaches the API or the
 * control endpoint.
 */
final class FrontRules {
  /** The default of {@code HttpSettings.maxRequestLineBytes}, as the README states it. */
  static final int MAX_REQUEST_LINE = 64 * 1024;

  private FrontRules() {
  }

  /**
   * @param method the request's method
   * @param target the request target bytes
   * @return 400 or 414 when the front refuses, 0 when an endpoint answers
   */
  static int refusal(String method, byte[] target) {
    // "METHOD SP target SP HTTP/1.1"
    if (method.length() + 1 + target.length + 9 > MAX_REQUEST_LINE) {
      return 414;
    }
    for (byte b : target) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f) {
        return 400;
      }
    }
    return 0;
  }
}
