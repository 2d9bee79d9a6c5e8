package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.config.CapSettings;
import io.github.zegoaiagent.mock.config.LimitSettings;
import io.github.zegoaiagent.mock.config.SimulationSettings;

/**
 * The settings the simulation reads: the service's limits, the mock's caps and the simulated
 * voice and LLM (three groups of {@code MockServerConfig}).
 *
 * @param limits concurrency and queue limits (facts of the API)
 * @param caps the mock's caps
 * @param simulation the simulated voice, LLM and clock
 */
public record Rules(LimitSettings limits, CapSettings caps, SimulationSettings simulation) {
}
