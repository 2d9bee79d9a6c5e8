package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.core.Arguments;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call overrides of the client's settings, applied with
 * {@link ZegoAiAgentClient#withOptions(CallOptions)} or
 * {@link ZegoAiAgentAsyncClient#withOptions(CallOptions)}. A setting left unset keeps the
 * client's value. Immutable.
 *
 * <pre>{@code
 * client.withOptions(CallOptions.builder().timeout(Duration.ofSeconds(2)).retryPolicy(RetryPolicy.none()).build())
 *     .control().sendAgentInstanceTTS(request);
 * }</pre>
 */
public final class CallOptions {

  private static final CallOptions NONE = new Builder().build();

  private final Duration timeout;
  private final RetryPolicy retryPolicy;

  private CallOptions(Builder b) {
    this.timeout = b.timeout;
    this.retryPolicy = b.retryPolicy;
  }

  /** @return options that override nothing */
  public static CallOptions none() {
    return NONE;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the deadline of each attempt (connect, send and the complete answer), when overridden
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return the retry policy, when overridden */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  @Override
  public String toString() {
    return "CallOptions[timeout=" + timeout + ", retryPolicy=" + retryPolicy + "]";
  }

  /** Builder of {@link CallOptions}. */
  public static final class Builder {
    private Duration timeout;
    private RetryPolicy retryPolicy;

    private Builder() { }

    /**
     * @param timeout deadline of each attempt, covering connect, send and the whole answer body; positive
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param retryPolicy when to retry this call ({@link RetryPolicy#none()} to never)
     * @return this
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** @return the options */
    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
