package io.github.zegoaiagent.client.retry;

import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.generated.ReturnCode;
import io.github.zegoaiagent.client.core.Arguments;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often a failed call is tried again. A call is retried only when the service
 * certainly did nothing: the connection was refused or never established (an unknown host is not
 * retried), or the answer carries a
 * code the contract marks {@code retryable} (gateway internal error, rate limited; not an expired
 * signature, which a new signature from the same clock repeats). A timeout, a reset connection or any other answer is never retried, because the call
 * may have taken effect. Every attempt is signed afresh. Delays grow exponentially with jitter.
 * Immutable.
 */
public final class RetryPolicy {

  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
  }

  /** @return the default policy: 3 attempts, 250 ms doubling up to 2 s, 50 % jitter */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return NONE;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return attempts in total, including the first */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * @param failure what the attempt ended with
   * @return true when the service certainly did nothing and another attempt may succeed
   */
  public boolean isRetryable(ZegoException failure) {
    if (failure instanceof ZegoTransportException t) {
      // Only a connection that was never made; an unknown host stays unknown on the next attempt.
      return !t.requestSent() && t.reason() == ZegoTransportException.Reason.CONNECT_FAILED;
    }
    if (failure instanceof ZegoApiException api) {
      ReturnCode rc = api.returnCode();
      return rc != null && rc.retryable();
    }
    return false;
  }

  /**
   * @param failedAttempts attempts made so far (1 after the first failure)
   * @return the wait before the next attempt: {@code min(max, initial * 2^(n-1))}, reduced by up to
   *     {@code jitter} at random
   */
  public Duration backoff(int failedAttempts) {
    long base = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
    long capped = Math.min(maxBackoff.toMillis(), base);
    long reduction = (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped - reduction);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + "]";
  }

  /** Builder of {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private double jitter = 0.5;

    private Builder() { }

    /**
     * @param maxAttempts attempts in total, at least 1 (1 = never retry)
     * @return this
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff wait after the first failed attempt, positive
     * @return this
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Arguments.positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * @param maxBackoff upper bound of any wait, positive
     * @return this
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Arguments.positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * @param jitter fraction in [0, 1] by which a wait may be shortened at random
     * @return this
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }

  }
}
