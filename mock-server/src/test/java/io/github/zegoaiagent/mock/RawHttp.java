package io.github.zegoaiagent.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, so tests can send what java.net.http refuses to: raw bytes in
 * the request line, no Content-Length, lying chunk sizes. One request per connection.
 */
final class RawHttp {
  /** Hang detector, not a performance bound: no answer within this is a failure. */
  static final int READ_TIMEOUT_MILLIS = 60_000;

  private RawHttp() {
  }

  /** What came back. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Builds a request.
   *
   * @param target request target bytes (path and query), sent as they are
   * @param body body bytes or null
   * @param framing how the body length is told
   */
  static byte[] request(String method, byte[] target, List<String> headers, byte[] body, Framing framing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(target);
    StringBuilder h = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    headers.forEach(x -> h.append(x).append("\r\n"));
    byte[] b = body == null ? new byte[0] : body;
    switch (framing) {
      case CONTENT_LENGTH -> h.append("Content-Length: ").append(b.length).append("\r\n");
      case CHUNKED -> h.append("Transfer-Encoding: chunked\r\n");
      case NONE -> { }
    }
    h.append("\r\n");
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (framing == Framing.CONTENT_LENGTH) {
      out.writeBytes(b);
    } else if (framing == Framing.CHUNKED) {
      int chunk = 8191;
      for (int i = 0; i < b.length; i += chunk) {
        int n = Math.min(chunk, b.length - i);
        out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b, i, n);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  /** How a request body's length is told. */
  enum Framing { CONTENT_LENGTH, CHUNKED, NONE }

  /**
   * Sends and reads the answer until the server closes. A write that fails because the server
   * answered early (oversized body) still reads what the server sent.
   */
  static Response exchange(int port, byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      s.setSoTimeout(READ_TIMEOUT_MILLIS);
      OutputStream os = s.getOutputStream();
      try {
        os.write(request);
        os.flush();
      } catch (IOException earlyAnswer) {
        // The server may stop reading after the cap and answer; read it below.
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) >= 0) {
          all.write(buf, 0, n);
        }
      } catch (java.net.SocketException reset) {
        if (all.size() == 0) {
          throw reset;
        }
      }
      return parse(all.toByteArray());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String head = new String(raw, StandardCharsets.ISO_8859_1);
    int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no HTTP answer, got " + raw.length + " bytes: "
          + head.substring(0, Math.min(200, head.length())));
    }
    String[] lines = head.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    String cl = headers.get("content-length");
    if (cl != null && Integer.parseInt(cl) < body.length) {
      body = java.util.Arrays.copyOf(body, Integer.parseInt(cl));
    }
    return new Response(status, headers, body);
  }
}
