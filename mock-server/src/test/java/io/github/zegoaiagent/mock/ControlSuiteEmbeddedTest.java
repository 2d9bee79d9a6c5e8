package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.MockControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ControlSuite} against the embedded {@code MockServer}: the control API in this JVM. */
class ControlSuiteEmbeddedTest extends ControlSuite {
  static MockServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  MockControl control() {
    return server;
  }

  @Override
  RawApi api() {
    return new RawApi(server);
  }
}
