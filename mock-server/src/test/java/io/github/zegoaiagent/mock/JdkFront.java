package io.github.zegoaiagent.mock;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * What the JDK's HTTP server answers itself, before any handler of the mock runs: it parses the
 * request target with {@code new URI(...)} (400 when that fails) and picks a context by the
 * URI's path (404 when the path does not start with {@code /}, e.g. {@code //host}).
 */
final class JdkFront {
  private JdkFront() {
  }

  /** @return 400 or 404 when the JDK server refuses the target, 0 when the mock handles it */
  static int refusal(byte[] target) {
    try {
      String path = new URI(new String(target, StandardCharsets.ISO_8859_1)).getPath();
      return path == null || !path.startsWith("/") ? 404 : 0;
    } catch (URISyntaxException e) {
      return 400;
    }
  }
}
