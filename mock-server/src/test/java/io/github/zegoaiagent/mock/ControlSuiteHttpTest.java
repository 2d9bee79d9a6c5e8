package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ControlSuite} through the generated HTTP client, on an embedded mock. */
class ControlSuiteHttpTest extends ControlSuite {
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
    return MockControlClient.of(server.baseUrl());
  }

  @Override
  RawApi api() {
    return new RawApi(server);
  }
}
