package io.github.zegoaiagent.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the starter's observations go, looked up on first use (the registries may be created after
 * the client): the application's {@link ObservationRegistry} (Spring Boot's Actuator defines one
 * that makes timers and, with tracing, spans); without one but with a {@link MeterRegistry}, a
 * registry of our own that makes timers in it; with neither, none (nothing is recorded).
 */
public final class ZegoObservationRegistry implements Supplier<ObservationRegistry> {

  private final ObjectProvider<ObservationRegistry> observations;
  private final ObjectProvider<MeterRegistry> meters;
  private volatile ObservationRegistry resolved;

  /**
   * @param observations the application's observation registry, if any
   * @param meters the application's meter registry, if any
   */
  public ZegoObservationRegistry(ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
    this.observations = observations;
    this.meters = meters;
  }

  /** @return the registry to observe with; {@link ObservationRegistry#NOOP} when there is none */
  @Override
  public ObservationRegistry get() {
    ObservationRegistry r = resolved;
    if (r == null) {
      r = observations.getIfAvailable();
      if (r == null) {
        MeterRegistry m = meters.getIfAvailable();
        if (m == null) {
          return ObservationRegistry.NOOP; // perhaps later: look again next time
        }
        r = ObservationRegistry.create();
        r.observationConfig().observationHandler(new DefaultMeterObservationHandler(m));
      }
      resolved = r;
    }
    return r;
  }

  @Override
  public String toString() {
    return "ZegoObservationRegistry[" + resolved + "]";
  }
}
