package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.llm.LlmContract;
import io.github.zegoaiagent.mock.internal.llm.LlmForwarder;
import io.github.zegoaiagent.mock.internal.llm.LlmOutcome;
import io.github.zegoaiagent.mock.internal.llm.LlmRequest;
import io.github.zegoaiagent.mock.internal.llm.LlmRequestBuilder;
import io.github.zegoaiagent.mock.internal.state.ContextEntry;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * LLM forwarding seen from the simulation: decides whether an LLM turn goes to the user's own
 * endpoint and, when it does, sends the documented request and applies the outcome under the
 * instance's lock when it arrives (never holding a lock while the endpoint answers; the stream is
 * read and split on the forwarder's threads).
 */
public final class LlmTurns {
  /** Applies an outcome to its item; called under the instance's lock. */
  interface Arrival {
    void arrived(InstanceState inst, SpeechItem item, LlmOutcome outcome, long now);
  }

  private final LlmForwarder forwarder;
  private final LlmRequestBuilder requests;
  private final LlmContract contract;
  private final LongSupplier clock;

  /**
   * @param forwarder the HTTP side (off: {@link #forwards} is always false)
   * @param contract the contract's facts (the request, the Exception codes)
   * @param clock mock-clock milliseconds
   */
  public LlmTurns(LlmForwarder forwarder, LlmContract contract, LongSupplier clock) {
    this.forwarder = forwarder;
    this.contract = contract;
    this.requests = new LlmRequestBuilder(contract);
    this.clock = clock;
  }

  /** @return whether this instance's LLM turns go to its LLM.Url */
  boolean forwards(InstanceState inst) {
    return forwarder != null && forwarder.enabled() && inst.llm() != null && inst.llm().hasNonNull("Url")
        && requests.speaksProtocol(inst.llm());
  }

  /** @return the Exception code of a turn whose answer does not fit in the memory budget */
  int memoryFailure() {
    return contract.generalFailure();
  }

  /**
   * Sends the request for {@code item}; {@code arrival} runs later under the instance's lock.
   *
   * @param window the context window the LLM sees (before this turn's question joined it)
   * @param at mock-clock time of the request
   */
  void forward(InstanceState inst, SpeechItem item, List<ContextEntry> window, long at, Arrival arrival) {
    LlmRequest req;
    try {
      req = requests.build(inst.llm(), item.systemPrompt(), Speech.seen(window), item.input(),
          new LlmRequestBuilder.AgentInfo(inst.roomId(), inst.id(), inst.agentUserId(), inst.userId(), item.round(), at));
    } catch (IllegalArgumentException e) {
      // An unusable configuration (URL, a credential that cannot go into a header): the
      // documented Exception for the turn, nothing is sent.
      arrival.arrived(inst, item, LlmOutcome.failure(contract.invalidConfiguration(), e.getMessage()), at);
      return;
    }
    item.cancelWith(forwarder.forward(req, outcome -> Locks.instance(inst, () -> {
      if (!inst.ended()) {
        arrival.arrived(inst, item, outcome, clock.getAsLong());
      }
    })));
  }
}
