package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlClient;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ControlSuite} through the generated HTTP client on the standalone jar, started with the
 * same fixed clock as the embedded mocks of the suite: the same tests, only the implementation of
 * {@link MockControl} differs.
 */
class ControlSuiteStandaloneIT extends ControlSuite {
  static JarProcess jar;
  static URI base;
  static long appId;
  static String secret;
  static MockControlClient control;

  @BeforeAll
  static void start() throws Exception {
    jar = JarProcess.start(Map.of(), "--port", "0", "--qps-limit", "0", "--clock", TestServers.START.toString(),
        "--log", "none");
    base = jar.baseUrl();
    appId = Long.parseLong(jar.find("AppId:\\s+(\\d+)"));
    secret = jar.find("ServerSecret:\\s+([0-9a-f]{32})");
    control = MockControlClient.of(base);
  }

  @AfterAll
  static void stop() throws Exception {
    jar.stop();
    jar.close();
  }

  @Override
  MockControl control() {
    return control;
  }

  @Override
  RawApi api() {
    // The process's clock is fixed: sign with its time, read through the control API.
    return new RawApi(base, appId, secret, () -> control.readClock().getMillis());
  }
}
