package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How the attempts of one call reach the wire and how the wait between them passes; the attempt
 * loop itself is {@link CallPipeline}'s, the same for every driver. Internal.
 */
interface Driver {

  /**
   * @param uri the signed URL of the attempt
   * @param body the JSON body
   * @param timeout the attempt's deadline
   * @return the complete answer, or exceptionally a {@code TransportFailure}
   */
  CompletableFuture<Answer> send(URI uri, byte[] body, Duration timeout);

  /**
   * @param delay the backoff before the next attempt
   * @return completes when the next attempt may start, or exceptionally when the wait was interrupted
   */
  CompletableFuture<Void> pause(Duration delay);

  /** @return true when the caller gave up on the call (an async future was cancelled) */
  boolean cancelled();
}
