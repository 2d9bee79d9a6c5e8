package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ControlSuite} through the generated HTTP client on the standalone jar, started with the
 * same fixed clock as the embedded mocks of the suite: the same tests, only the implementation of
 * {@link MockControl} differs.
 */
class ControlSuiteStandaloneIT extends ControlSuite {
  static StandaloneJar jar;
  static MockControlClient control;

  @BeforeAll
  static void start() throws Exception {
    jar = new StandaloneJar(List.of("--port", "0", "--qps-limit", "0", "--clock", TestServers.START.toString(),
        "--log", "none"), Map.of());
    control = MockControlClient.of(jar.base);
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
    return new RawApi(jar.base, jar.appId, jar.secret, () -> control.readClock().getMillis());
  }
}
