package io.github.zegoaiagent.mock.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/** The front's checks of a request head before anything is read of its body (RFC 9112). */
final class HeadCheck {
  private HeadCheck() {
  }

  /**
   * @param r the request head
   * @return why it is refused (RFC 9112), or null
   */
  static String refusal(HttpRequest r) {
    HttpVersion v = r.protocolVersion();
    if (v.majorVersion() != 1 || (v.minorVersion() != 0 && v.minorVersion() != 1)) {
      return "HTTP version " + v.text() + " is not served (HTTP/1.1 and HTTP/1.0 only)";
    }
    HttpHeaders h = r.headers();
    int hosts = h.getAll(HttpHeaderNames.HOST).size();
    if (hosts > 1) {
      return "more than one Host header";
    }
    if (hosts == 0 && v.minorVersion() == 1) {
      return "Host header missing (required in HTTP/1.1)";
    }
    if (hosts == 1 && !validHost(h.get(HttpHeaderNames.HOST))) {
      return "malformed Host header";
    }
    if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      var codings = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
      if (v.minorVersion() == 0) {
        return "Transfer-Encoding in an HTTP/1.0 request";
      }
      if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
        return "Transfer-Encoding " + clip(String.join(", ", codings)) + " is not served (chunked only)";
      }
    }
    String expect = h.get(HttpHeaderNames.EXPECT);
    if (expect != null && !expect.trim().equalsIgnoreCase("100-continue")) {
      return "417 expectation " + clip(expect) + " is not supported (100-continue only)";
    }
    String target = r.uri();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return "request target contains a byte that is not visible ASCII (percent-encode it)";
      }
    }
    return null;
  }

  private static boolean validHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "\u2026";
  }
}
