package io.github.zegoaiagent.mock;

import io.github.zegoaiagent.mock.control.model.DriftReport;
import java.net.URI;
import java.nio.file.Path;

/** The root README, "Check the contract against your live account": verbatim between the markers (ReadmeProxyExampleTest). */
final class ReadmeProxyExample {
  /** The code under test: your backend, pointed at a base URL, signing with your own credentials. */
  interface Backend {
    void run(URI endpoint);
  }

  private ReadmeProxyExample() {
  }

  static DriftReport run(URI upstream, Path target, Backend yourBackend) {
    // README-BEGIN
    // upstream: https://aigc-aiagent-api.zegotech.cn (or your region's address, or another mock)
    DriftReport drift;
    try (MockServer proxy = MockServer.start(MockServerConfig.builder()
        .proxy(upstream)                                       // forward, check, report
        .record(target.resolve("live.jsonl"))                  // masked, one exchange per line
        .driftReport(target.resolve("drift-report.md"))        // written when the proxy closes
        .build())) {
      yourBackend.run(proxy.baseUrl());                        // signs with your own AppId and ServerSecret
      drift = proxy.drift();                                   // per action: exchanges, drift kinds, examples
    }
    System.out.println(drift.getExchanges() + " exchanges, " + drift.getDrifted() + " with drift");
    // README-END
    return drift;
  }
}
