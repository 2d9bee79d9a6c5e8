package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.MockControlClient;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.Instance;
import java.net.URI;

/** mock-server/README.md, "HTTP control API": verbatim between the markers (ReadmeExamplesTest checks and runs it). */
final class ReadmeControlExample {
  private ReadmeControlExample() {
  }

  static Instance run(int port, String agentInstanceId) {
    // README-BEGIN
    MockControlClient control = MockControlClient.of(URI.create("http://127.0.0.1:" + port + "/"));
    control.reset();
    control.advanceClock(new ClockAdvance().millis(5_000L));
    control.addFault(new Fault().action("ListAgents").code(410000001));
    Instance i = control.instance(agentInstanceId);
    // README-END
    return i;
  }
}
