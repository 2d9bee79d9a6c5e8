package io.github.zegoaiagent.conformance.sut;

import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import java.net.URI;

/**
 * Chooses the target from system properties, once per test JVM:
 * <ul>
 *   <li>none: an embedded mock server (QPS limit off, so the suite can run at full speed);</li>
 *   <li>{@code -Dconformance.baseUrl=… -Dconformance.appId=… -Dconformance.serverSecret=…}: a
 *       separately started mock, or the live service with {@code -Dconformance.live=true};</li>
 *   <li>{@code -Dconformance.allowBillable=true}: on a live target, also run the tests that create
 *       agents and instances;</li>
 *   <li>{@code -Dconformance.qps=N}: requests per second per action the suite allows itself on an
 *       external target (default: the contract's qpsPerAction minus 2; 0 = unthrottled).</li>
 * </ul>
 */
public final class Targets {

  private static Target current;

  private Targets() { }

  /** @return the target of this run */
  public static synchronized Target current() {
    if (current == null) {
      current = choose();
    }
    return current;
  }

  /** @return true when the run was given an external target with credentials */
  public static boolean hasExternalCredentials() {
    return !blank(System.getProperty("conformance.baseUrl")) && !blank(System.getProperty("conformance.appId"))
        && !blank(System.getProperty("conformance.serverSecret"));
  }

  private static Target choose() {
    String baseUrl = System.getProperty("conformance.baseUrl");
    if (blank(baseUrl)) {
      MockServer mock = MockServer.start(MockServerConfig.builder().qpsLimit(0).build());
      Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "conformance-mock-shutdown"));
      return new Target(Target.Kind.EMBEDDED_MOCK, stripSlash(mock.baseUrl()), mock.appId(), mock.serverSecret(),
          false, 0, mock);
    }
    if (!hasExternalCredentials()) {
      throw new IllegalStateException("-Dconformance.baseUrl needs -Dconformance.appId and -Dconformance.serverSecret");
    }
    boolean live = Boolean.getBoolean("conformance.live");
    int defaultQps = Math.max(1, io.github.zegoaiagent.conformance.spec.Spec.CONTRACT.limits().get("qpsPerAction") - 2);
    int qps = Integer.getInteger("conformance.qps", defaultQps);
    return new Target(live ? Target.Kind.LIVE : Target.Kind.EXTERNAL_MOCK, stripSlash(URI.create(baseUrl)),
        Long.parseLong(System.getProperty("conformance.appId").trim()), System.getProperty("conformance.serverSecret"),
        Boolean.getBoolean("conformance.allowBillable"), qps, null);
  }

  private static URI stripSlash(URI uri) {
    return URI.create(uri.toString().replaceAll("/+$", ""));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
