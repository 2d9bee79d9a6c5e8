package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.client.internal.transport.TransportFailure;
import io.github.zegoaiagent.client.retry.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Attempts on the calling thread: {@code HttpClient.send} (the answer completes here, no hand-off
 * to another thread) and the client's {@link Sleeper} between attempts. Every future it returns is
 * already complete. Internal.
 */
final class SyncDriver implements Driver {

  private final ClientCore core;
  private final Sleeper sleeper;

  SyncDriver(ClientCore core, Sleeper sleeper) {
    this.core = core;
    this.sleeper = sleeper;
  }

  @Override
  public CompletableFuture<Answer> send(URI uri, byte[] body, Duration timeout) {
    try {
      return CompletableFuture.completedFuture(core.transport.send(uri, body, timeout));
    } catch (TransportFailure f) {
      return CompletableFuture.failedFuture(f);
    }
  }

  @Override
  public CompletableFuture<Void> pause(Duration delay) {
    try {
      sleeper.sleep(delay);
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public boolean cancelled() {
    return false;
  }
}
