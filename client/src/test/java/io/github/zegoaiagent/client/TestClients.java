package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.client.retry.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients wired for tests: fixed clock, recorded sleeps. */
public final class TestClients {

  public static final long APP_ID = 1234567890L;
  public static final String SECRET = "0123456789abcdef0123456789abcdef";
  public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private TestClients() { }

  /** Records requested sleeps without sleeping. */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }

  public static ZegoAiAgentClient.Builder builder(String baseUrl) {
    return ZegoAiAgentClient.builder()
        .appId(APP_ID)
        .serverSecret(SECRET)
        .endpoint(URI.create(baseUrl))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        // Generous: the deadline is not what most tests test, and a first exchange with a cold
        // WireMock or Pact server on a loaded machine took more than 4 s (ListeningTest,
        // ClientPactTest failed so). The tests of deadlines set their own (timeout, readTimeout).
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(25));
  }

  public static ZegoAiAgentClient client(String baseUrl, RetryPolicy policy, Sleeper sleeper) {
    return builder(baseUrl).retryPolicy(policy).sleeper(sleeper).build();
  }
}
