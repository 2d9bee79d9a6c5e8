package io.github.zegoaiagent.conformance.sut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Resets a mock target: in-process for the embedded mock, over its {@code /_mock/} control API otherwise. */
public final class MockControl {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MockControl() { }

  /**
   * Forgets all agents, instances and journal entries of a mock target.
   *
   * @param target a mock target
   * @throws IllegalStateException when the target is not a mock or refuses the control call
   */
  public static void reset(Target target) {
    if (target.embedded() != null) {
      target.embedded().reset();
      return;
    }
    if (!target.isMock()) {
      throw new IllegalStateException("the live service cannot be reset");
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/_mock/reset"))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("POST /_mock/reset answered HTTP " + answer.statusCode() + ": " + answer.body()
            + " (is the control API reachable from this host?)");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + target.baseUrl() + "/_mock/reset: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
