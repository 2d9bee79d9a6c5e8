package io.github.zegoaiagent.client.internal.codec;

/**
 * What the decoder needs to know of the attempt an answer belongs to, for messages that say what
 * to do next. Internal.
 *
 * @param action the action
 * @param number 1 for the first attempt, 2 for the first retry, ...
 * @param maxAttempts the retry policy's attempts in total
 * @param timestamp the Timestamp (Unix seconds) the attempt was signed with
 * @param endpoint the base URL the client sends to (never a signed URL)
 */
public record Attempt(String action, int number, int maxAttempts, long timestamp, String endpoint) { }
