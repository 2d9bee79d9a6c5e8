package io.github.zegoaiagent.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A deliberately drifting upstream for the validating proxy's tests: a raw socket server (so it
 * can misbehave below HTTP too) that answers each Action with a scripted behaviour: a body of its
 * choice, a slow answer, a connection closed in the middle of the answer. One exchange per
 * connection ({@code Connection: close}).
 */
final class DriftingUpstream implements AutoCloseable {
  /** What to do for an Action. */
  sealed interface Behaviour permits Body, Slow, CloseMidAnswer { }

  /** Answer HTTP {@code status} with this body. */
  record Body(int status, byte[] body) implements Behaviour {
    static Body json(String json) {
      return new Body(200, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Answer a valid envelope after {@code millis}. */
  record Slow(long millis) implements Behaviour { }

  /** Announce {@code length} bytes, send a few, close. */
  record CloseMidAnswer(int length) implements Behaviour { }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "drifting-upstream");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Behaviour> script = new ConcurrentHashMap<>();
  private final Map<String, byte[]> lastBodies = new ConcurrentHashMap<>();

  DriftingUpstream() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          threads.execute(() -> serve(s));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  /** @param action an Action @param b what to answer it @return this */
  DriftingUpstream on(String action, Behaviour b) {
    script.put(action, b);
    return this;
  }

  /** @param action an Action @return the body the last such request carried */
  byte[] lastBody(String action) {
    return lastBodies.get(action);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      String head = readHead(in);
      String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      String action = target.replaceAll(".*[?&]Action=([^&]*).*", "$1");
      lastBodies.put(action, body);
      Behaviour b = script.getOrDefault(action, Body.json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\"}"));
      OutputStream out = s.getOutputStream();
      if (b instanceof Slow slow) {
        Thread.sleep(slow.millis());
        write(out, 200, "{\"Code\":0,\"Message\":\"late\",\"RequestId\":\"2\"}".getBytes(StandardCharsets.UTF_8), -1);
      } else if (b instanceof CloseMidAnswer c) {
        write(out, 200, "{\"Code\":0,\"Mess".getBytes(StandardCharsets.UTF_8), c.length());
      } else if (b instanceof Body answer) {
        write(out, answer.status(), answer.body(), -1);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the connection ends
    }
  }

  private static void write(OutputStream out, int status, byte[] body, int announced) throws IOException {
    out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + (announced < 0 ? body.length : announced) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed");
      }
      b.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
