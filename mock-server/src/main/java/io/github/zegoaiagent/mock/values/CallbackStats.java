package io.github.zegoaiagent.mock.values;

/**
 * Callback delivery counters.
 *
 * @param delivered acknowledged with a 2xx
 * @param failedAttempts attempts that failed
 * @param dropped given up on, or not queued because the queue was full
 * @param pending queued, in flight or waiting for a retry
 */
public record CallbackStats(long delivered, long failedAttempts, long dropped, int pending) {
}
