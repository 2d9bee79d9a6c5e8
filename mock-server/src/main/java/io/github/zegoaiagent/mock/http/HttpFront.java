package io.github.zegoaiagent.mock.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front: the JDK's built-in {@code com.sun.net.httpserver} server (no dependency, so no
 * conflict inside a user's JVM), with TCP_NODELAY and a bounded worker pool. Keep-alive is the
 * JDK default.
 *
 * <p>TCP_NODELAY is the JDK system property {@code sun.net.httpserver.nodelay}, read once when the
 * JDK's server classes initialise: it is set here, before the first server is created, unless
 * already set. If the JVM created a JDK HttpServer earlier, the earlier setting stays (without
 * it, keep-alive requests wait for delayed ACKs: about 25 req/s per connection instead of
 * thousands).
 */
public final class HttpFront implements AutoCloseable {
  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final int BACKLOG = 512;
  private static final int QUEUE = 1024;

  private final HttpServer server;
  private final ThreadPoolExecutor pool;

  /**
   * Binds and starts serving.
   *
   * @param bindAddress address to bind
   * @param port port, 0 for any free one
   * @param threads worker threads
   * @param api handler of the API (every path but the control prefix)
   * @param controlPrefix control path prefix, for example {@code /_mock/}
   * @param control handler of the control API, or null for none
   * @throws IOException when the port cannot be bound
   */
  public HttpFront(String bindAddress, int port, int threads, HttpHandler api,
      String controlPrefix, HttpHandler control) throws IOException {
    server = HttpServer.create(new InetSocketAddress(bindAddress, port), BACKLOG);
    server.createContext("/", api);
    if (control != null) {
      server.createContext(controlPrefix, control);
    }
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "zego-mock-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        // Backpressure instead of dropped connections when every worker is busy.
        new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(pool);
    server.start();
  }

  /** @return the bound port */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, lets exchanges in progress finish (at most 1 s), stops the workers. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdown();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
