package io.github.zegoaiagent.mock;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the mock's HTTP front (ADR 0002): how long a client may take to send a request's
 * headers and body, how long an idle keep-alive connection stays open, how many connections are
 * served at once and how long a request line and header section may be. A client that exceeds
 * one costs its own connection only: the front answers with the status listed in the module
 * README's "Every answer" table (or closes an idle connection silently) and closes it.
 *
 * <p>Immutable; build with {@link #builder()}, pass with
 * {@link MockServerConfig.Builder#httpLimits(HttpLimits)}.
 *
 * @param headerTimeout from a request's first byte to the end of its header section
 * @param bodyTimeout from the end of the headers to the end of the body; also the longest a
 *     client may leave an answer unread
 * @param idleTimeout how long a keep-alive connection may stay silent between requests
 * @param maxConnections connections served at once; one more is closed at once, unanswered
 * @param maxRequestLineBytes longest request line (method, target, version); longer: HTTP 414
 * @param maxHeaderBytes largest header section; larger: HTTP 431
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
    int maxConnections, int maxRequestLineBytes, int maxHeaderBytes) {

  /** Checks the values (positive durations, bounds in range). */
  public HttpLimits {
    positive(headerTimeout, "headerTimeout");
    positive(bodyTimeout, "bodyTimeout");
    positive(idleTimeout, "idleTimeout");
    range(maxConnections, 1, 1_000_000, "maxConnections");
    range(maxRequestLineBytes, 256, 16 << 20, "maxRequestLineBytes");
    range(maxHeaderBytes, 256, 16 << 20, "maxHeaderBytes");
  }

  /** @return the defaults: 10 s headers, 30 s body, 60 s idle, 4,096 connections, 64 KiB line and headers */
  public static HttpLimits defaults() {
    return builder().build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.headerTimeout = headerTimeout;
    b.bodyTimeout = bodyTimeout;
    b.idleTimeout = idleTimeout;
    b.maxConnections = maxConnections;
    b.maxRequestLineBytes = maxRequestLineBytes;
    b.maxHeaderBytes = maxHeaderBytes;
    return b;
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  private static void range(int n, int min, int max, String name) {
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + n);
    }
  }

  /** Builder of {@link HttpLimits}. Not thread-safe. */
  public static final class Builder {
    private Duration headerTimeout = Duration.ofSeconds(10);
    private Duration bodyTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxConnections = 4_096;
    private int maxRequestLineBytes = 64 * 1024;
    private int maxHeaderBytes = 64 * 1024;

    private Builder() {
    }

    /** @param d request line and headers must arrive within this (default 10 s) @return this */
    public Builder headerTimeout(Duration d) {
      this.headerTimeout = d;
      return this;
    }

    /** @param d the body must arrive, and an answer be read, within this (default 30 s) @return this */
    public Builder bodyTimeout(Duration d) {
      this.bodyTimeout = d;
      return this;
    }

    /** @param d an idle keep-alive connection is closed after this (default 60 s) @return this */
    public Builder idleTimeout(Duration d) {
      this.idleTimeout = d;
      return this;
    }

    /** @param n connections served at once (default 4,096) @return this */
    public Builder maxConnections(int n) {
      this.maxConnections = n;
      return this;
    }

    /** @param n longest request line in bytes (default 65,536) @return this */
    public Builder maxRequestLineBytes(int n) {
      this.maxRequestLineBytes = n;
      return this;
    }

    /** @param n largest header section in bytes (default 65,536) @return this */
    public Builder maxHeaderBytes(int n) {
      this.maxHeaderBytes = n;
      return this;
    }

    /** @return the limits */
    public HttpLimits build() {
      return new HttpLimits(headerTimeout, bodyTimeout, idleTimeout, maxConnections,
          maxRequestLineBytes, maxHeaderBytes);
    }
  }
}
