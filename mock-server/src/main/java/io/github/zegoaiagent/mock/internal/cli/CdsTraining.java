package io.github.zegoaiagent.mock.internal.cli;

import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.ZegoContract;
import io.github.zegoaiagent.mock.MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run of the standalone jar's class-data sharing archive (ADR 0018): what
 * {@code java -jar} does up to and after its first answers, in one process that then ends, so
 * that a JVM started with {@code -XX:ArchiveClassesAtExit} (JDK 17) or
 * {@code -XX:AOTCacheOutput} (JDK 25) records every class of that path. The build runs it after
 * packaging the jar (mock-server/pom.xml, execution {@code cds-archive}); the container script runs
 * it inside the image's own runtime.
 *
 * <p>It parses a command line, starts the server with the request log on (written nowhere),
 * prints the banner (nowhere), sends every action's first contract example signed over loopback,
 * one badly signed request, a path that is not served, two control calls and the dashboard's page,
 * then stops. No
 * network beyond loopback, no file written: the JVM writes the archive.
 *
 * <p>{@code java -XX:ArchiveClassesAtExit=mock.jsa -cp zego-aiagent-mock-server.jar
 * io.github.zegoaiagent.mock.internal.cli.CdsTraining}
 */
final class CdsTraining {
  private static final int TIMEOUT_MILLIS = 10_000;

  private CdsTraining() {
  }

  /**
   * @param args none
   * @throws IOException when the loopback exchange fails (the archive is then not worth writing)
   */
  public static void main(String[] args) throws IOException {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CliOptions o = CliOptions.parse(new String[] {"--port", "0", "--qps-limit", "0", "--log", "requests"}, Map.of());
    int answered = 0;
    try (MockServer server = MockServer.start(o.toConfig().logTo(nowhere).build())) {
      Main.printBanner(nowhere, server);
      for (Action a : ZegoContract.load().actions()) {
        answered += post(server.signedUri(a.name()), a.firstRequestExample().toString());
      }
      URI unsigned = server.baseUrl().resolve("?Action=ListAgents&AppId=" + server.appId()
          + "&SignatureNonce=0&Timestamp=0&Signature=0&SignatureVersion=2.0");
      answered += post(unsigned, "{}");
      answered += post(server.baseUrl().resolve("not-served"), "{}");
      answered += get(server.baseUrl().resolve(MockServer.CONTROL_PREFIX.substring(1) + "health"));
      answered += get(server.baseUrl().resolve(MockServer.CONTROL_PREFIX.substring(1) + "journal"));
      answered += get(server.baseUrl().resolve(MockServer.CONTROL_PREFIX.substring(1) + "ui/"));
    }
    CliOptions.usage();
    System.out.println("CDS training: " + answered + " answers");
  }

  private static int post(URI uri, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return exchange(uri, "POST " + target(uri) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n", b);
  }

  private static int get(URI uri) throws IOException {
    return exchange(uri, "GET " + target(uri) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", new byte[0]);
  }

  private static String target(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** @return 1 when an HTTP answer came back */
  private static int exchange(URI uri, String head, byte[] body) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
      s.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] answer = in.readAllBytes();
      if (answer.length < 12 || !new String(answer, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ")) {
        throw new IOException("no HTTP answer from the mock to " + head.lines().findFirst().orElse(""));
      }
      return 1;
    }
  }
}
