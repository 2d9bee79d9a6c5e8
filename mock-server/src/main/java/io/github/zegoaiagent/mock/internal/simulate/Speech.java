package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.values.LlmReply;


import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData.ReasonEnum;
import io.github.zegoaiagent.mock.values.InstanceStatus;
import io.github.zegoaiagent.mock.values.ContextMessage;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.values.SpokenText;
import io.github.zegoaiagent.mock.internal.llm.LlmOutcome;
import io.github.zegoaiagent.mock.internal.llm.Sentences;
import java.util.List;

/**
 * The agent's voice on the simulation clock: what plays, what waits, what the status is.
 *
 * <p>An LLM item thinks for the configured time, then speaks its answer; a TTS item speaks at
 * once. Speaking lasts characters × the per-character time. Nothing sleeps: {@link #advance}
 * replays every transition that is due whenever the state is touched or the clock moves, so the
 * result depends only on the clock.
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

  private final SimulationSettings config;
  private final InstanceEvents events;
  private volatile LlmReply reply;

  private final LlmTurns llm;

  Speech(SimulationSettings config, InstanceEvents events, LlmTurns llm) {
    this.config = config;
    this.events = events;
    this.reply = config.llmReply();
    this.llm = llm;
  }

  void setReply(LlmReply reply) {
    this.reply = reply;
  }

  LlmReply reply() {
    return reply;
  }

  /**
   * @param inst the instance
   * @param priority 0..2 of the new request
   * @param enqueue SamePriorityOption Enqueue
   * @return what the request will do
   */
  static Decision decide(InstanceState inst, int priority, boolean enqueue) {
    SpeechItem c = inst.current();
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
   * Carries out a decision for an accepted item.
   *
   * @param clearQueue ClearAndInterrupt: a preempting item also empties the queue
   */
  void apply(InstanceState inst, Decision d, SpeechItem item, boolean clearQueue, ReasonEnum reason,
      long now) {
    switch (d) {
      case PLAY_NOW:
        start(inst, item, now);
        break;
      case PREEMPT:
        interrupt(inst, now, reason);
        if (clearQueue) {
          inst.clearQueue();
        }
        start(inst, item, now);
        break;
      case ENQUEUE:
        inst.enqueue(item);
        break;
      case DROP:
      default:
        break;
    }
  }

  /**
   * @return when the instance's speech next changes (clock millis; {@link Long#MAX_VALUE} for
   *     never or not yet known), so a moving clock stops there and events carry their own time
   */
  long nextTransitionAt(InstanceState inst) {
    SpeechItem c = inst.current();
    return c == null ? Long.MAX_VALUE : c.nextTransitionAt(perCharMillis());
  }

  /** Replays every transition due at {@code now}. */
  void advance(InstanceState inst, long now) {
    while (inst.current() != null) {
      SpeechItem c = inst.current();
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
      remember(inst, new SpokenText(c.round(), c.source().name(), c.speech(), c.speech(), false, c.speakAt()));
      inst.stopPlaying();
      SpeechItem next = inst.nextQueued();
      if (next != null) {
        start(inst, next, c.endAt());
      } else if (inst.listeningUser() == null) {
        setStatus(inst, InstanceStatus.IDLE, c.round());
      }
    }
  }

  /**
   * Cuts the current item off at {@code at}.
   *
   * @return whether something was playing or thinking
   */
  boolean interrupt(InstanceState inst, long at, ReasonEnum reason) {
    SpeechItem c = inst.current();
    if (c == null) {
      return false;
    }
    String played = "";
    if (c.speaking()) {
      long chars = Math.max(0, (at - c.speakAt()) / perCharMillis());
      played = prefix(c.speech(), chars);
      remember(inst, new SpokenText(c.round(), c.source().name(), c.speech(), played, true, c.speakAt()));
    }
    inst.stopPlaying();
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

  /** Appends to the context, forgetting the oldest message beyond the cap. */
  void addContext(InstanceState inst, String role, String content) {
    inst.context().add(new ContextMessage(role, content), config.maxContextMessages(), config.maxContextBytes());
  }

  private void start(InstanceState inst, SpeechItem item, long at) {
    inst.play(item);
    if (item.source() == SpeechItem.Source.TTS) {
      item.schedule(item.input(), at, at + duration(item.input()));
    } else {
      // The LLM sees the window as it was before this turn's question (reference §6.5: the
      // question comes last, once).
      List<ContextMessage> window = inst.contextWindow();
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
      setAnswer(item, answer, Sentences.split(answer), at + config.llmThinkTime().toMillis());
    }
    if (item.speakAt() <= at) {
      beginSpeaking(inst, item);
    }
  }

  /** Times an answer: it plays from {@code speakAt}, sentence after sentence. */
  private void setAnswer(SpeechItem item, String answer, List<String> sentences, long speakAt) {
    int[] starts = new int[sentences.size()];
    int from = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int idx = answer.indexOf(sentences.get(i), from);
      starts[i] = answer.codePointCount(0, idx < 0 ? from : idx);
      from = idx < 0 ? from : idx + sentences.get(i).length();
    }
    item.schedule(answer, speakAt, speakAt + duration(answer));
    item.splitInto(sentences, starts);
  }

  /**
   * The user's LLM answered (or failed) for {@code item}; called under the state lock. An item
   * that no longer plays (interrupted, replaced) is dropped: no LLMResult for it (reference
   * §6.7). A failure raises the contract's Exception code for the item's Round and ends the item.
   */
  void answerArrived(InstanceState inst, SpeechItem item, LlmOutcome outcome, long now) {
    if (inst.current() != item || !item.awaitingAnswer()) {
      return;
    }
    item.answered();
    if (!outcome.ok()) {
      events.exception(inst, outcome.exceptionCode(), outcome.message(), item.round());
      inst.stopPlaying();
      SpeechItem next = inst.nextQueued();
      if (next != null) {
        start(inst, next, now);
      } else if (inst.listeningUser() == null) {
        setStatus(inst, InstanceStatus.IDLE, item.round());
      }
      return;
    }
    setAnswer(item, outcome.answer(), outcome.sentences(),
        Math.max(item.startAt() + config.llmThinkTime().toMillis(), now));
    advance(inst, now);
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
   * The LLM's answer for one LLM call or walkie-talkie turn: the configured {@link LlmReply}
   * (echo "You said: ..." unless set) asked with the question, the effective system prompt (the
   * call's temporary one, else the instance's LLM.SystemPrompt) and the context window the LLM
   * sees (taken before the question joined the context). Used when the turn is not forwarded to
   * the user's own LLM ({@link LlmTurns}).
   *
   * @return the text the agent will speak, never null
   */
  String llmAnswer(InstanceState inst, SpeechItem item, List<ContextMessage> window) {
    String prompt = item.systemPrompt() != null && !item.systemPrompt().isEmpty()
        ? item.systemPrompt() : configuredPrompt(inst.llm());
    String answer = reply.answer(item.input(), prompt, window);
    return answer == null ? "" : answer;
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

  private void remember(InstanceState inst, SpokenText t) {
    inst.rememberSpoken(t, config.maxSpokenTexts());
  }

  private long perCharMillis() {
    return Math.max(1, config.speechPerCharacter().toMillis());
  }

  /** Speaking time: one per-character slot per code point, at least one. */
  long duration(String text) {
    int chars = text == null ? 0 : text.codePointCount(0, text.length());
    return Math.max(1, chars) * perCharMillis();
  }

  private static String prefix(String s, long codePoints) {
    int total = s.codePointCount(0, s.length());
    if (codePoints >= total) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, (int) codePoints));
  }
}
