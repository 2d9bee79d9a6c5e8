package io.github.zegoaiagent.spring.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Boot 4 form of the "zegoAiAgent" contributor; see {@link ZegoHealthCheck} for what it reports. */
public final class ZegoHealthIndicator implements HealthIndicator {

  private final ZegoHealthCheck check;

  /** @param check the check */
  public ZegoHealthIndicator(ZegoHealthCheck check) {
    this.check = check;
  }

  @Override
  public Health health() {
    ZegoHealthCheck.Report r = check.report();
    Health.Builder b = switch (r.state()) {
      case UP -> Health.up();
      case DOWN -> Health.down();
      case UNKNOWN -> Health.unknown();
    };
    return b.withDetails(r.details()).build();
  }
}
