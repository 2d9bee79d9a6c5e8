package io.github.zegoaiagent.mock.internal.route;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.state.FaultPlan;
import io.github.zegoaiagent.mock.internal.state.PlannedFault;
import io.github.zegoaiagent.mock.internal.state.RateLimiter;
import java.util.Map;

/**
 * Who may call, now: the gateway's checks of the common parameters (in the documented order),
 * then a planned fault for the action, then the QPS limit. Thread-safe (each part guards itself
 * for a constant-size step).
 */
public final class Admission {
  private final Gateway gateway;
  private final FaultPlan faults;
  private final RateLimiter rateLimiter;

  /**
   * What was admitted.
   *
   * @param auth the authenticated App and Action
   * @param delayMillis how long (mock clock) the answer is held back, from a planned fault
   * @param refusal what a planned fault or the QPS limit answers instead, or null
   */
  public record Admitted(Gateway.Authenticated auth, long delayMillis, ApiError refusal) {
  }

  /**
   * @param gateway the signature and parameter checks
   * @param faults planned faults
   * @param rateLimiter the QPS limit
   */
  public Admission(Gateway gateway, FaultPlan faults, RateLimiter rateLimiter) {
    this.gateway = gateway;
    this.faults = faults;
    this.rateLimiter = rateLimiter;
  }

  /**
   * @param query the parsed query
   * @param now mock-clock millis
   * @return what was admitted, possibly with the refusal a planned fault or the QPS limit answers
   * @throws ApiError with the gateway's code
   */
  Admitted admit(Map<String, String> query, long now) {
    Gateway.Authenticated auth = gateway.check(query);
    PlannedFault fault = faults.next(auth.action());
    long delay = fault == null ? 0 : fault.delayMillis();
    if (fault != null && fault.code() != Codes.SUCCESS) {
      return new Admitted(auth, delay, new ApiError(fault.code(), fault.message() != null ? fault.message()
          : "injected fault: " + auth.action() + " answers " + fault.code()));
    }
    if (!rateLimiter.tryAcquire(auth.appId(), auth.action(), now)) {
      return new Admitted(auth, delay, new ApiError(Codes.RATE_LIMITED, "rate limited: at most "
          + rateLimiter.limit() + " " + auth.action() + " requests per second per App"));
    }
    return new Admitted(auth, delay, null);
  }
}
