package io.github.zegoaiagent.mock.internal.http;

import java.time.Duration;

/**
 * The front's timeouts and bounds, as the front needs them (the public, checked form is
 * {@code io.github.zegoaiagent.mock.HttpLimits}; this copy keeps the front free of a dependency
 * on the package that uses it).
 *
 * @param headerTimeout request line and headers, from the request's first byte
 * @param bodyTimeout body, from the end of the headers; also an unread answer
 * @param idleTimeout silence between requests
 * @param maxConnections connections served at once
 * @param maxRequestLineBytes longest request line
 * @param maxHeaderBytes largest header section
 * @param maxBodyBytes largest body read
 */
public record FrontLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
    int maxConnections, int maxRequestLineBytes, int maxHeaderBytes, int maxBodyBytes) {
}
