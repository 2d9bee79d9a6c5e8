package io.github.zegoaiagent.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive connection over a bare socket: write any bytes, read answers one by one (by
 * their Content-Length), and tell whether the server closed the connection. For framing tests,
 * where one connection carries several requests or a request is never finished.
 */
final class Wire implements AutoCloseable {
  /** Hang detector, not a performance bound. */
  static final int HANG_MILLIS = 30_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Socket socket;
  private final InputStream in;

  Wire(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(HANG_MILLIS);
    in = socket.getInputStream();
  }

  /** What came back. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    int code() throws IOException {
      return json().path("Code").asInt(Integer.MIN_VALUE);
    }

    boolean closes() {
      return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
    }
  }

  Wire send(String ascii) throws IOException {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  Wire send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Half-closes: the server sees the end of the requests (and must still answer them). */
  Wire endOfRequests() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /** Reads one answer (status line, headers, Content-Length body). */
  Answer read() throws IOException {
    Answer head = readHead();
    int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
    return new Answer(head.status(), head.headers(), in.readNBytes(length));
  }

  /** Reads the status line and headers of one answer, not its body (the answer to HEAD, a 100). */
  Answer readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer; got: " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new byte[0]);
  }

  /**
   * @return whether the server ended the connection (end of stream or reset) with nothing more
   *     to read; false when more bytes came or nothing happened within the hang detector
   */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
