package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.internal.llm.LlmOutcome;
import io.github.zegoaiagent.mock.internal.llm.LlmRequest;
import io.github.zegoaiagent.mock.internal.llm.LlmRequestBuilder;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.values.ContextMessage;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * LLM forwarding seen from the simulation: decides whether an LLM turn goes to the user's own
 * endpoint and, when it does, sends the documented request and applies the outcome under the
 * state lock when it arrives (never holding the lock while the endpoint answers).
 */
public final class LlmTurns {
  /** Applies an outcome to its item; called under the state lock. */
  interface Arrival {
    void arrived(InstanceState inst, SpeechItem item, LlmOutcome outcome, long now);
  }

  private final LlmForwarder forwarder;
  private final LlmRequestBuilder requests;
  private final MockState state;
  private final LongSupplier clock;

  /**
   * @param forwarder the HTTP side (off: {@link #forwards} is always false)
   * @param requests builds the documented request
   * @param state the state whose monitor is the lock
   * @param clock mock-clock milliseconds
   */
  public LlmTurns(LlmForwarder forwarder, LlmRequestBuilder requests, MockState state, LongSupplier clock) {
    this.forwarder = forwarder;
    this.requests = requests;
    this.state = state;
    this.clock = clock;
  }

  /** @return no forwarding at all (nothing is ever sent) */
  static LlmTurns off() {
    return new LlmTurns(null, null, null, () -> 0);
  }

  /** @return whether this instance's LLM turns go to its LLM.Url */
  boolean forwards(InstanceState inst) {
    return forwarder != null && forwarder.enabled() && inst.llm() != null && inst.llm().hasNonNull("Url")
        && requests.speaksProtocol(inst.llm());
  }

  /**
   * Sends the request for {@code item}; {@code arrival} runs later under the state lock.
   *
   * @param window the context window the LLM sees (before this turn's question joined it)
   * @param at mock-clock time of the request
   */
  void forward(InstanceState inst, SpeechItem item, List<ContextMessage> window, long at, Arrival arrival) {
    LlmRequest req;
    try {
      req = requests.build(inst.llm(), item.systemPrompt(), window, item.input(),
          new LlmRequestBuilder.AgentInfo(inst.roomId(), inst.id(), inst.agentUserId(), inst.userId(), item.round(), at));
    } catch (IllegalArgumentException e) {
      LlmOutcome bad = LlmOutcome.failure(requests.contract().invalidConfiguration(), e.getMessage());
      arrival.arrived(inst, item, bad, at); // already under the lock
      return;
    }
    item.cancelWith(forwarder.forward(req, outcome -> {
      synchronized (state) {
        if (state.app(inst.appId()).instance(inst.id()) == inst) {
          arrival.arrived(inst, item, outcome, clock.getAsLong());
        }
      }
    }));
  }
}
