package io.github.zegoaiagent.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens stalled connections against a server and keeps them stalled while a wrk run measures a
 * normal client beside them: a third silent, a third sending a head that never ends (a byte per
 * second), a third sending a body shorter than its Content-Length. Then waits until the server
 * has closed every one (its timeouts) and reports how many it closed and when.
 *
 * <p>Usage: {@code StalledClients <port> <count> <maxWaitSeconds>}; prints "STALLED open" when
 * all are open, then one {@code RESULT stalled ...} line when done.
 */
public final class StalledClients {
  private StalledClients() { }

  /** @param args port, count, longest wait for the server to close them all */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long maxWait = Long.parseLong(args[2]) * 1000;
    List<Socket> sockets = new ArrayList<>();
    List<Socket> dripping = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      switch (i % 3) {
        case 0 -> { }
        case 1 -> {
          s.getOutputStream().write("POST / HTT".getBytes(StandardCharsets.US_ASCII));
          dripping.add(s);
        }
        default -> s.getOutputStream().write(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
      }
      sockets.add(s);
    }
    long opened = System.currentTimeMillis();
    System.out.println("STALLED open " + count);
    System.out.flush();
    Thread drip = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        for (Socket s : dripping) {
          try {
            s.getOutputStream().write('X');
          } catch (IOException closed) {
            // closed by the server's header deadline
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    drip.setDaemon(true);
    drip.start();
    int closed = 0;
    long lastClose = opened;
    for (Socket s : sockets) {
      long left = maxWait - (System.currentTimeMillis() - opened);
      if (left <= 0) {
        break;
      }
      s.setSoTimeout((int) left);
      try (InputStream in = s.getInputStream()) {
        while (in.read() >= 0) {
          // the server's 408 answer, if any, then the end of the stream
        }
        closed++;
      } catch (java.net.SocketTimeoutException stillOpen) {
        // not closed within the wait
      } catch (IOException reset) {
        closed++;
      }
      lastClose = System.currentTimeMillis();
    }
    drip.interrupt();
    System.out.printf("RESULT stalled count=%d closed_by_server=%d last_closed_after_s=%.1f%n",
        count, closed, (lastClose - opened) / 1000.0);
    for (Socket s : sockets) {
      s.close();
    }
  }
}
