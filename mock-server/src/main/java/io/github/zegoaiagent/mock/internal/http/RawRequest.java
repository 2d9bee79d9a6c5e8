package io.github.zegoaiagent.mock.internal.http;

/**
 * What arrived over HTTP, before any check.
 *
 * @param method HTTP method
 * @param path request path
 * @param rawQuery raw query string, or null
 * @param body the body bytes read (at most the configured maximum)
 * @param bodyTooLarge whether the body was longer than the maximum
 */
public record RawRequest(String method, String path, String rawQuery, byte[] body,
    boolean bodyTooLarge) {
}
