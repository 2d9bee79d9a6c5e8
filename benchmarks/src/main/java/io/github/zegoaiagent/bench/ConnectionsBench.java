package io.github.zegoaiagent.bench;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap of an in-process mock with N idle keep-alive connections (each served one request first),
 * after forced GCs, against the same mock with none: the per-connection cost of the front.
 *
 * <p>Usage: {@code ConnectionsBench <connections>}; prints one {@code RESULT connections ...} line.
 */
public final class ConnectionsBench {
  private ConnectionsBench() { }

  /** @param args number of idle connections */
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    try (MockServer mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build())) {
      URI u = mock.signedUri("ListAgents");
      byte[] request = ("POST " + u.getRawPath() + "?" + u.getRawQuery()
          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
      warm(mock, request);
      double before = heapMib();
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", mock.port()), 10_000);
        s.getOutputStream().write(request);
        readAnswer(s);
        sockets.add(s);
      }
      double after = heapMib();
      System.out.printf("RESULT connections idle=%d open_in_mock=%d heap_before_mib=%.1f heap_after_mib=%.1f per_connection_kib=%.1f%n",
          n, mock.openConnections(), before, after, (after - before) * 1024 / n);
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static void warm(MockServer mock, byte[] request) throws Exception {
    for (int i = 0; i < 200; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", mock.port()), 10_000);
        s.getOutputStream().write(request);
        readAnswer(s);
      }
    }
  }

  private static void readAnswer(Socket s) throws Exception {
    s.setSoTimeout(30_000);
    byte[] buf = new byte[4096];
    int total = 0;
    String text = "";
    while (!text.contains("\r\n\r\n") || !text.endsWith("}")) {
      int r = s.getInputStream().read(buf);
      if (r < 0) {
        throw new IllegalStateException("closed: " + text);
      }
      total += r;
      text += new String(buf, 0, r, StandardCharsets.ISO_8859_1);
    }
  }

  private static double heapMib() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
