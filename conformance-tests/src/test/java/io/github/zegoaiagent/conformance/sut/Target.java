package io.github.zegoaiagent.conformance.sut;

import io.github.zegoaiagent.mock.MockServer;
import java.net.URI;

/**
 * What the suite runs against.
 *
 * @param kind embedded mock, separately started mock, or the live service
 * @param baseUrl base URL, e.g. {@code http://127.0.0.1:8080}
 * @param appId the AppId
 * @param serverSecret the ServerSecret (never printed)
 * @param billableAllowed whether tests may create billable resources (agent instances) on a live target
 * @param qps requests per second per action the suite allows itself; 0 = unthrottled
 * @param embedded the embedded mock, or null
 */
public record Target(Kind kind, URI baseUrl, long appId, String serverSecret, boolean billableAllowed, int qps,
    MockServer embedded) {

  /** The kinds of target. */
  public enum Kind {
    /** A mock server started inside the test JVM (the default). */
    EMBEDDED_MOCK,
    /** A mock server started separately, named by -Dconformance.baseUrl. */
    EXTERNAL_MOCK,
    /** The live service (-Dconformance.live=true). */
    LIVE
  }

  /** @return true for either mock */
  public boolean isMock() {
    return kind != Kind.LIVE;
  }

  /** @return true when tests may create instances and other billable or lasting resources */
  public boolean mayCreateResources() {
    return isMock() || billableAllowed;
  }

  /** @return a description without the secret */
  public String describe() {
    return kind + " at " + baseUrl + " (AppId " + appId + (kind == Kind.LIVE
        ? ", billable tests " + (billableAllowed ? "allowed" : "not allowed") : "") + ")";
  }

  @Override
  public String toString() {
    return "Target[" + describe() + ", serverSecret=***]";
  }
}
