package io.github.zegoaiagent.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of the alternative front of ADR 0002: the JDK's {@code com.sun.net.httpserver}
 * hardened as far as its settings go (TCP_NODELAY, {@code maxReqTime}/{@code maxRspTime}
 * deadlines, idle interval, bounded pool), answering every request with a constant envelope
 * after reading its body. No pipeline behind it: any mock on this server is slower than this.
 *
 * <p>Usage: {@code JdkConstantServer <port> [threads]}
 */
public final class JdkConstantServer {
  private JdkConstantServer() { }

  /** @param args port, optional worker threads (default 4, the old front's default here) */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("sun.net.httpserver.maxReqTime", "10");
    System.setProperty("sun.net.httpserver.maxRspTime", "30");
    System.setProperty("sun.net.httpserver.idleInterval", "60");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    byte[] answer = "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\",\"Data\":{}}".getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    server.createContext("/", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        in.readNBytes(1 << 20);
      }
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, answer.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(answer);
      }
    });
    server.setExecutor(new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024)));
    server.start();
    System.out.println("JdkConstantServer ready on " + server.getAddress());
  }
}
