package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData.ReasonEnum;
import io.github.zegoaiagent.mock.internal.llm.LlmOutcome;
import io.github.zegoaiagent.mock.internal.memory.Sizes;
import io.github.zegoaiagent.mock.internal.state.ContextEntry;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.InstanceStatus;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.internal.state.SpokenLine;
import io.github.zegoaiagent.mock.internal.state.Voice;
import io.github.zegoaiagent.mock.values.SimulatedLlm;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's voice on the simulation clock: what plays, what waits, what the status is.
 *
 * <p>An LLM item thinks for the configured time, then speaks its answer; a TTS item speaks at
 * once. Speaking lasts characters × the per-character time; an answer plays sentence by sentence
 * (one LLMResult each, found one at a time, so an answer of any length costs linear time). Nothing
 * sleeps: {@link #advance} replays every transition that is due whenever the instance is touched
 * or the clock moves, so the result depends only on the clock. Runs under the instance's lock.
 */
final class Speech {
  /** What a new request does to the current speech. */
  enum Decision {
    /** Nothing plays: start now. */
    PLAY_NOW,
    /** Interrupt what plays and start now. */
    PREEMPT,
    /** Wait behind what plays. */
    ENQUEUE,
    /** Lower priority than what plays, without Enqueue: accepted but never spoken. */
    DROP
  }

  private final Rules config;
  private final InstanceEvents events;
  private volatile SimulatedLlm reply;
  private final LlmTurns llm;

  Speech(Rules config, InstanceEvents events, LlmTurns llm) {
    this.config = config;
    this.events = events;
    this.reply = config.simulation().llmReply();
    this.llm = llm;
  }

  /** @return the Exception code of a turn the memory budget has no room for */
  int memoryFailure() {
    return llm.memoryFailure();
  }

  void setReply(SimulatedLlm reply) {
    this.reply = reply;
  }

  /**
   * @param inst the instance
   * @param priority 0..2 of the new request
   * @param enqueue SamePriorityOption Enqueue
   * @return what the request will do
   */
  static Decision decide(InstanceState inst, int priority, boolean enqueue) {
    SpeechItem c = inst.voice().current();
    if (c == null) {
      return Decision.PLAY_NOW;
    }
    if (priority > c.priority()) {
      return Decision.PREEMPT;
    }
    if (priority == c.priority()) {
      return enqueue ? Decision.ENQUEUE : Decision.PREEMPT;
    }
    return enqueue ? Decision.ENQUEUE : Decision.DROP;
  }

  /**
   * Carries out a decision for an accepted item (already charged to the instance's memory).
   *
   * @param clearQueue ClearAndInterrupt: a preempting item also empties the queue
   */
  void apply(InstanceState inst, Decision d, SpeechItem item, boolean clearQueue, ReasonEnum reason,
      long now) {
    Voice v = inst.voice();
    switch (d) {
      case PLAY_NOW:
        start(inst, item, now);
        break;
      case PREEMPT:
        interrupt(inst, now, reason);
        if (clearQueue) {
          v.clearQueue();
        }
        start(inst, item, now);
        break;
      case ENQUEUE:
        v.enqueue(item);
        break;
      case DROP:
      default:
        v.drop(item);
        break;
    }
  }

  /**
   * @return when the instance's speech next changes (clock millis; {@link Long#MAX_VALUE} for
   *     never or not yet known), so a moving clock stops there and events carry their own time
   */
  long nextTransitionAt(InstanceState inst) {
    SpeechItem c = inst.voice().current();
    return c == null ? Long.MAX_VALUE : c.nextTransitionAt(perCharMillis());
  }

  /** Replays every transition due at {@code now}. */
  void advance(InstanceState inst, long now) {
    Voice v = inst.voice();
    while (v.current() != null) {
      SpeechItem c = v.current();
      if (c.awaitingAnswer()) {
        return; // thinking until the user's LLM answers (answerArrived)
      }
      if (!c.speaking() && now >= c.speakAt()) {
        beginSpeaking(inst, c);
      }
      if (c.speaking()) {
        reportSentences(inst, c, now);
      }
      if (now < c.endAt()) {
        return;
      }
      remember(inst, new SpokenLine(c.round(), c.source().name(), c.speech(), c.speech(), false, c.speakAt()));
      v.stopPlaying();
      next(inst, c.endAt(), c.round());
    }
  }

  /** The item ended at {@code at}: the next waiting one starts, or the agent is idle. */
  private void next(InstanceState inst, long at, long round) {
    SpeechItem next = inst.voice().nextQueued();
    if (next != null) {
      start(inst, next, at);
    } else if (inst.walkie().user() == null) {
      setStatus(inst, InstanceStatus.IDLE, round);
    }
  }

  /**
   * Cuts the current item off at {@code at}.
   *
   * @return whether something was playing or thinking
   */
  boolean interrupt(InstanceState inst, long at, ReasonEnum reason) {
    SpeechItem c = inst.voice().current();
    if (c == null) {
      return false;
    }
    String played = "";
    if (c.speaking()) {
      long chars = Math.max(0, (at - c.speakAt()) / perCharMillis());
      played = prefix(c.speech(), chars);
      remember(inst, new SpokenLine(c.round(), c.source().name(), c.speech(), played, true, c.speakAt()));
    }
    inst.voice().stopPlaying();
    c.cancelAnswer(); // a turn still waiting for the user's LLM: the service stops generating too
    events.interrupted(inst, c.round(), reason, played);
    return true;
  }

  /** Sets the status, emitting AgentInstanceStatus when it changes and the switch is on. */
  void setStatus(InstanceState inst, InstanceStatus status, long round) {
    if (inst.changeStatus(status)) {
      events.status(inst, status, round);
    }
  }

  /**
   * Appends to the context, forgetting the oldest message beyond the caps and the memory budget.
   *
   * @return whether it is kept
   */
  boolean addContext(InstanceState inst, String role, String content) {
    return inst.context().add(new ContextEntry(role, content), config.caps().maxContextMessages(),
        config.caps().maxContextBytes());
  }

  private void start(InstanceState inst, SpeechItem item, long at) {
    inst.voice().play(item);
    if (item.source() == SpeechItem.Source.TTS) {
      item.schedule(item.input(), at, at + duration(item.input()));
    } else {
      // The LLM sees the window as it was before this turn's question (reference §6.5: the
      // question comes last, once).
      List<ContextEntry> window = inst.contextWindow();
      if (item.addQuestionToHistory()) {
        addContext(inst, "user", item.input());
      }
      setStatus(inst, InstanceStatus.THINKING, item.round());
      if (llm.forwards(inst)) {
        item.awaitAnswer(at);
        llm.forward(inst, item, window, at, this::answerArrived);
        return; // the outcome may already be applied (refused before sending)
      }
      String answer = llmAnswer(inst, item, window);
      if (!setAnswer(inst, item, answer, at + config.simulation().llmThinkTime().toMillis())) {
        fail(inst, item, llm.memoryFailure(), "the simulated LLM's answer (" + answer.length()
            + " characters) does not fit: " + inst.memory().budget().refusal(), at);
        return;
      }
    }
    if (item.speakAt() <= at) {
      beginSpeaking(inst, item);
    }
  }

  /**
   * Times an answer: it plays from {@code speakAt}, sentence after sentence.
   *
   * @return false when the answer does not fit in the memory budget
   */
  private boolean setAnswer(InstanceState inst, SpeechItem item, String answer, long speakAt) {
    if (!inst.voice().charge(item, Sizes.text(answer))) {
      return false;
    }
    item.schedule(answer, speakAt, saturatedAdd(speakAt, duration(answer)));
    item.splitIntoSentences();
    return true;
  }

  /**
   * The user's LLM answered (or failed) for {@code item}; called under the instance's lock. An
   * item that no longer plays (interrupted, replaced) is dropped: no LLMResult for it (reference
   * §6.7). A failure raises the contract's Exception code for the item's Round and ends the item.
   */
  void answerArrived(InstanceState inst, SpeechItem item, LlmOutcome outcome, long now) {
    if (inst.voice().current() != item || !item.awaitingAnswer()) {
      return;
    }
    item.answered();
    if (!outcome.ok()) {
      fail(inst, item, outcome.exceptionCode(), outcome.message(), now);
      return;
    }
    if (!setAnswer(inst, item, outcome.answer(),
        Math.max(item.startAt() + config.simulation().llmThinkTime().toMillis(), now))) {
      fail(inst, item, llm.memoryFailure(), "the LLM's answer (" + outcome.answer().length()
          + " characters) does not fit: " + inst.memory().budget().refusal(), now);
      return;
    }
    advance(inst, now);
  }

  /** The turn of {@code item} failed: the Exception event for its Round, then what comes next. */
  private void fail(InstanceState inst, SpeechItem item, int code, String message, long now) {
    events.exception(inst, code, message, item.round());
    inst.voice().stopPlaying();
    next(inst, now, item.round());
  }

  /** One LLMResult per sentence, when the sentence starts to play. */
  private void reportSentences(InstanceState inst, SpeechItem item, long now) {
    if (item.source() == SpeechItem.Source.TTS) {
      return;
    }
    for (String s = item.nextStartedSentence(perCharMillis(), now); s != null;
        s = item.nextStartedSentence(perCharMillis(), now)) {
      events.llmResult(inst, item.round(), s);
    }
  }

  /**
   * The LLM's answer for one LLM call or user turn: the configured {@link SimulatedLlm} (echo
   * "You said: ..." unless set) asked with the question, the effective system prompt (the call's
   * temporary one, else the instance's LLM.SystemPrompt) and the context window the LLM sees
   * (taken before the question joined the context). Used when the turn is not forwarded to the
   * user's own LLM ({@link LlmTurns}).
   *
   * @return the text the agent will speak, never null
   */
  String llmAnswer(InstanceState inst, SpeechItem item, List<ContextEntry> window) {
    String prompt = item.systemPrompt() != null && !item.systemPrompt().isEmpty()
        ? item.systemPrompt() : configuredPrompt(inst.llm());
    String answer = reply.answer(item.input(), prompt, seen(window));
    return answer == null ? "" : answer;
  }

  /** @return the context window as the LLM sees it (fresh copies) */
  static List<ContextMessage> seen(List<ContextEntry> window) {
    List<ContextMessage> seen = new ArrayList<>(window.size());
    for (ContextEntry e : window) {
      seen.add(new ContextMessage().role(e.role()).content(e.content()));
    }
    return seen;
  }

  private void beginSpeaking(InstanceState inst, SpeechItem item) {
    item.beginSpeaking();
    reportSentences(inst, item, item.speakAt());
    if (item.addAnswerToHistory()) {
      addContext(inst, "assistant", item.speech());
    }
    setStatus(inst, InstanceStatus.SPEAKING, item.round());
  }

  private static String configuredPrompt(JsonNode llm) {
    if (llm == null) {
      return null;
    }
    JsonNode p = llm.get("SystemPrompt");
    return p == null || !p.isTextual() ? null : p.textValue();
  }

  private void remember(InstanceState inst, SpokenLine t) {
    inst.rememberSpoken(t, config.caps().maxSpokenTexts());
  }

  private long perCharMillis() {
    return Math.max(1, config.simulation().speechPerCharacter().toMillis());
  }

  /** Speaking time: one per-character slot per code point, at least one. */
  long duration(String text) {
    int chars = text == null ? 0 : text.codePointCount(0, text.length());
    long per = perCharMillis();
    return Math.max(1, chars) > Long.MAX_VALUE / per ? Long.MAX_VALUE : Math.max(1, chars) * per;
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private static String prefix(String s, long codePoints) {
    int total = s.codePointCount(0, s.length());
    if (codePoints >= total) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, (int) codePoints));
  }
}
