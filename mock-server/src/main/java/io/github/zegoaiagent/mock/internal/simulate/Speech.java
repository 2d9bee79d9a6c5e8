package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.values.LlmReply;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.callback.EventSink;
import io.github.zegoaiagent.mock.values.ContextMessage;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.values.SpokenText;
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

  /** Interrupted.Reason values (reference §6.7). */
  static final int REASON_USER = 1;
  static final int REASON_LLM = 2;
  static final int REASON_TTS = 3;
  static final int REASON_API = 4;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SimulationSettings config;
  private final EventSink events;
  private volatile LlmReply reply;

  private final LlmTurns llm;

  Speech(SimulationSettings config, EventSink events, LlmTurns llm) {
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
    SpeechItem c = inst.current;
    if (c == null) {
      return Decision.PLAY_NOW;
    }
    if (priority > c.priority) {
      return Decision.PREEMPT;
    }
    if (priority == c.priority) {
      return enqueue ? Decision.ENQUEUE : Decision.PREEMPT;
    }
    return enqueue ? Decision.ENQUEUE : Decision.DROP;
  }

  /**
   * Carries out a decision for an accepted item.
   *
   * @param clearQueue ClearAndInterrupt: a preempting item also empties the queue
   */
  void apply(InstanceState inst, Decision d, SpeechItem item, boolean clearQueue, int reason,
      long now) {
    switch (d) {
      case PLAY_NOW:
        start(inst, item, now);
        break;
      case PREEMPT:
        interrupt(inst, now, reason);
        if (clearQueue) {
          inst.queue.clear();
        }
        start(inst, item, now);
        break;
      case ENQUEUE:
        inst.queue.addLast(item);
        break;
      case DROP:
      default:
        break;
    }
  }

  /** Replays every transition due at {@code now}. */
  void advance(InstanceState inst, long now) {
    while (inst.current != null) {
      SpeechItem c = inst.current;
      if (c.awaitingAnswer) {
        return; // thinking until the user's LLM answers (answerArrived)
      }
      if (!c.speaking && now >= c.speakAt) {
        beginSpeaking(inst, c);
      }
      if (c.speaking) {
        reportSentences(inst, c, now);
      }
      if (now < c.endAt) {
        return;
      }
      remember(inst, new SpokenText(c.round, c.source.name(), c.speech, c.speech, false, c.speakAt));
      inst.current = null;
      SpeechItem next = inst.queue.pollFirst();
      if (next != null) {
        start(inst, next, c.endAt);
      } else if (inst.listeningUser == null) {
        setStatus(inst, "IDLE", c.round);
      }
    }
  }

  /**
   * Cuts the current item off at {@code at}.
   *
   * @return whether something was playing or thinking
   */
  boolean interrupt(InstanceState inst, long at, int reason) {
    SpeechItem c = inst.current;
    if (c == null) {
      return false;
    }
    String played = "";
    if (c.speaking) {
      long chars = Math.max(0, (at - c.speakAt) / perCharMillis());
      played = prefix(c.speech, chars);
      remember(inst, new SpokenText(c.round, c.source.name(), c.speech, played, true, c.speakAt));
    }
    inst.current = null;
    if (inst.callbacksOn.contains("Interrupted")) {
      ObjectNode data = JSON.objectNode();
      data.put("Round", c.round);
      data.put("Reason", reason);
      data.put("PlayedText", played);
      events.emit(inst, "Interrupted", data);
    }
    return true;
  }

  /** Sets the status, emitting AgentInstanceStatus when it changes and the switch is on. */
  void setStatus(InstanceState inst, String status, long round) {
    if (status.equals(inst.status)) {
      return;
    }
    inst.status = status;
    if (inst.callbacksOn.contains("AgentInstanceStatus")) {
      ObjectNode data = JSON.objectNode();
      data.put("Status", status);
      data.put("Round", round);
      events.emit(inst, "AgentInstanceStatus", data);
    }
  }

  /** Appends to the context, forgetting the oldest message beyond the cap. */
  void addContext(InstanceState inst, String role, String content) {
    long chars = content == null ? 0 : content.length();
    while (!inst.context.isEmpty() && (inst.context.size() >= config.maxContextMessages()
        || inst.contextChars + chars > config.maxContextBytes())) {
      ContextMessage gone = inst.context.remove(0);
      inst.contextChars -= gone.content() == null ? 0 : gone.content().length();
    }
    inst.context.add(new ContextMessage(role, content));
    inst.contextChars += chars;
  }

  private void start(InstanceState inst, SpeechItem item, long at) {
    inst.current = item;
    item.startAt = at;
    if (item.source == SpeechItem.Source.TTS) {
      item.speech = item.input;
      item.speakAt = at;
    } else {
      // The LLM sees the window as it was before this turn's question (reference §6.5: the
      // question comes last, once).
      List<ContextMessage> window = window(inst);
      if (item.addQuestionToHistory) {
        addContext(inst, "user", item.input);
      }
      setStatus(inst, "THINKING", item.round);
      if (llm.forwards(inst)) {
        item.awaitingAnswer = true;
        item.speakAt = Long.MAX_VALUE;
        item.endAt = Long.MAX_VALUE;
        llm.forward(inst, item, window, at, this::answerArrived);
        return; // the outcome may already have been applied (a refusal before sending)
      }
      String prompt = item.systemPrompt != null && !item.systemPrompt.isEmpty()
          ? item.systemPrompt : configuredPrompt(inst.llm);
      String answer = reply.answer(item.input, prompt, window);
      String a = answer == null ? "" : answer;
      setAnswer(item, a, io.github.zegoaiagent.mock.internal.llm.Sentences.split(a),
          at + config.llmThinkTime().toMillis());
      if (item.speakAt <= at) {
        beginSpeaking(inst, item);
      }
      return;
    }
    item.sentences = List.of(item.speech);
    item.sentenceStarts = new int[] {0};
    item.endAt = item.speakAt + duration(item.speech);
    if (item.speakAt <= at) {
      beginSpeaking(inst, item);
    }
  }

  /** Times an answer: it speaks from {@code speakAt}, sentence after sentence. */
  private void setAnswer(SpeechItem item, String answer, List<String> sentences, long speakAt) {
    item.speech = answer;
    item.sentences = List.copyOf(sentences);
    item.sentenceStarts = new int[sentences.size()];
    int from = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int idx = answer.indexOf(sentences.get(i), from);
      int start = idx < 0 ? from : idx;
      item.sentenceStarts[i] = answer.codePointCount(0, start);
      from = idx < 0 ? from : idx + sentences.get(i).length();
    }
    item.speakAt = speakAt;
    item.endAt = speakAt + duration(answer);
  }

  /**
   * The user's LLM answered (or failed) for {@code item}; called under the state lock. An item
   * that no longer plays (interrupted, replaced) is dropped: no LLMResult for it (§6.7). A failure
   * raises the contract's Exception event for the item's Round and ends the item.
   */
  void answerArrived(InstanceState inst, SpeechItem item, io.github.zegoaiagent.mock.internal.llm.LlmOutcome outcome,
      long now) {
    if (inst.current != item || !item.awaitingAnswer) {
      return;
    }
    item.awaitingAnswer = false;
    if (!outcome.ok()) {
      ObjectNode data = JSON.objectNode();
      data.put("Code", outcome.exceptionCode());
      data.put("Message", outcome.message());
      data.put("Round", item.round);
      events.emit(inst, "Exception", data);
      inst.current = null;
      SpeechItem next = inst.queue.pollFirst();
      if (next != null) {
        start(inst, next, now);
      } else if (inst.listeningUser == null) {
        setStatus(inst, "IDLE", item.round);
      }
      return;
    }
    setAnswer(item, outcome.answer(), outcome.sentences(),
        Math.max(item.startAt + config.llmThinkTime().toMillis(), now));
    advance(inst, now);
  }

  /** One LLMResult per sentence, when it starts to play. */
  private void reportSentences(InstanceState inst, SpeechItem item, long now) {
    if (item.source == SpeechItem.Source.TTS) {
      return;
    }
    while (item.sentencesReported < item.sentences.size()
        && item.speakAt + item.sentenceStarts[item.sentencesReported] * perCharMillis() <= now) {
      String text = item.sentences.get(item.sentencesReported++);
      if (inst.callbacksOn.contains("LLMResult")) {
        ObjectNode data = JSON.objectNode();
        data.put("Round", item.round);
        data.put("Text", text);
        events.emit(inst, "LLMResult", data);
      }
    }
  }

  private void beginSpeaking(InstanceState inst, SpeechItem item) {
    item.speaking = true;
    reportSentences(inst, item, item.speakAt);
    if (item.addAnswerToHistory) {
      addContext(inst, "assistant", item.speech);
    }
    setStatus(inst, "SPEAKING", item.round);
  }

  private List<ContextMessage> window(InstanceState inst) {
    int n = inst.context.size();
    int from = Math.max(0, n - inst.windowSize);
    return List.copyOf(inst.context.subList(from, n));
  }

  private static String configuredPrompt(JsonNode llm) {
    if (llm == null) {
      return null;
    }
    JsonNode p = llm.get("SystemPrompt");
    return p == null || !p.isTextual() ? null : p.textValue();
  }

  private void remember(InstanceState inst, SpokenText t) {
    if (inst.spoken.size() >= config.maxSpokenTexts()) {
      inst.spoken.removeFirst();
    }
    inst.spoken.addLast(t);
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
