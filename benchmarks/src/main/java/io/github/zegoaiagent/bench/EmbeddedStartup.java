package io.github.zegoaiagent.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;

/**
 * A fresh JVM that starts a server in-process, as a test JVM does, and then waits to be killed:
 * {@link StartupBench} times it from the process start to the first Code 0, like the standalone
 * jars. {@code mock}: {@code MockServer.start} with the benchmark's credential; {@code wiremock}:
 * {@code new WireMockServer(...).start()} with the same static stub as WireMock standalone.
 *
 * <p>Usage: {@code EmbeddedStartup mock <port>} or {@code EmbeddedStartup wiremock <port> <rootDir>}
 * (the WireMock standalone jar on the class path). Prints nothing: whatever it did after the
 * server listened would be counted.
 */
public final class EmbeddedStartup {
  private EmbeddedStartup() { }

  /** @param args see the class comment */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    AutoCloseable server;
    if (args[0].equals("mock")) {
      server = MockServer.start(MockServerConfig.builder().port(port)
          .credential(StartupBench.APP_ID, StartupBench.SECRET).qpsLimit(0).build());
    } else {
      server = WireMockStart.start(port, args[2]);
    }
    try {
      Thread.sleep(Long.MAX_VALUE);
    } finally {
      server.close();
    }
  }

  /** Apart, so that the mock's run never loads WireMock's classes (absent from its class path). */
  private static final class WireMockStart {
    static AutoCloseable start(int port, String root) {
      WireMockServer w = new WireMockServer(WireMockConfiguration.options().port(port)
          .usingFilesUnderDirectory(root).maxRequestJournalEntries(1000));
      w.start();
      return w::stop;
    }
  }
}
