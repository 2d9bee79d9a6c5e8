package io.github.zegoaiagent.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 peer that misbehaves on purpose: it reads each request (head and body), then
 * lets a {@link Behaviour} write whatever it likes (or stall). Records every request head and
 * whether the client closed each connection.
 */
final class HostileServer implements AutoCloseable {

  interface Behaviour {
    void answer(OutputStream out, HostileServer server) throws Exception;
  }

  final List<String> requestHeads = new CopyOnWriteArrayList<>();
  final CountDownLatch clientClosed = new CountDownLatch(1);
  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  HostileServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "hostile-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Blocks the answering thread until the test ends. */
  void stall() throws InterruptedException {
    stop.await(30, TimeUnit.SECONDS);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      String head = readHead(in);
      requestHeads.add(head);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
      Thread watcher = new Thread(() -> {
        try {
          if (in.read() == -1) {
            clientClosed.countDown();
          }
        } catch (IOException e) {
          clientClosed.countDown();
        }
      }, "hostile-watch");
      watcher.setDaemon(true);
      watcher.start();
      behaviour.answer(s.getOutputStream(), this);
    } catch (Exception e) {
      // The client went away: that is what several tests provoke.
      clientClosed.countDown();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed in the head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** @return a complete HTTP 200 answer with this JSON body */
  static byte[] ok(String json) {
    byte[] body = ascii(json);
    return ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + json);
  }

  @Override
  public void close() throws IOException {
    stop.countDown();
    socket.close();
    for (Socket s : connections) {
      s.close();
    }
  }
}
