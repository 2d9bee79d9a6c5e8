package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData.ReasonEnum;
import io.github.zegoaiagent.mock.internal.generated.model.SpeakAction;
import io.github.zegoaiagent.mock.internal.script.ScriptSteps;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.ScriptStep;
import io.github.zegoaiagent.mock.internal.state.ScriptedTurns;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.script.ScriptEvent;
import io.github.zegoaiagent.mock.internal.state.InstanceStatus;
import java.util.function.BooleanSupplier;

/**
 * Full-duplex user turns from a conversation script: speech begins (UserSpeakAction SPEAK_BEGIN
 * with a new Round, status LISTENING; the agent is interrupted with Reason 1 if it may be), speech
 * ends (SPEAK_END, ASRResult, then the LLM turn of that Round). Reference §6.7 and §6.8. Called
 * under the instance's lock, by {@link TurnsHandler#tick}.
 */
final class UserTurns {
  /** Priority of a High request: user speech does not cut it (reference §6.5). */
  private static final int HIGH = 2;
  /** A user turn's answer plays like a Medium request. */
  private static final int TURN_PRIORITY = 1;

  private final Speech speech;
  private final InstanceEvents events;
  private final BooleanSupplier addAnswerToHistory;

  UserTurns(Speech speech, InstanceEvents events, BooleanSupplier addAnswerToHistory) {
    this.speech = speech;
    this.events = events;
    this.addAnswerToHistory = addAnswerToHistory;
  }

  /**
   * Replaces what remains of the instance's script.
   *
   * @throws IllegalArgumentException for speech on a walkie-talkie instance (its turns are
   *     StartListening/StopListening) or on an instance without a user
   * @throws IllegalStateException when the script does not fit in the memory budget
   */
  void load(InstanceState inst, ConversationScript script, long now) {
    boolean speaks = script.events().stream().anyMatch(e -> e.type() == ScriptEvent.Type.SPEAK);
    if (speaks && inst.walkieTalkie()) {
      throw new IllegalArgumentException("instance " + inst.id() + " is in walkie-talkie mode: "
          + "its user turns are StartListening/StopListening, not scripted speech");
    }
    if (inst.userId() == null) {
      throw new IllegalArgumentException("instance " + inst.id() + " has no user (live digital human)");
    }
    if (!inst.script().replace(ScriptSteps.expand(script, now, inst.userId()))) {
      throw new IllegalStateException("script: " + inst.memory().budget().refusal()
          + "; delete instances or load a shorter script");
    }
  }

  void begin(InstanceState inst, ScriptStep step) {
    ScriptedTurns t = inst.script();
    SpeechItem c = inst.voice().current();
    if (c != null && (!inst.interruptible() || c.priority() >= HIGH)) {
      t.openUnheardTurn(); // the agent keeps talking; recognition resumes after playback
      return;
    }
    if (c != null) {
      speech.interrupt(inst, step.at(), ReasonEnum.USER_SPEECH);
      inst.voice().clearQueue();
    }
    long round = inst.nextRound(); // the Round is assigned when recognition starts (§6.8)
    t.openTurn(round);
    events.userSpeak(inst, step.userId(), SpeakAction.SPEAK_BEGIN, round);
    speech.setStatus(inst, InstanceStatus.LISTENING, round);
  }

  void end(InstanceState inst, ScriptStep step) {
    ScriptedTurns t = inst.script();
    if (!t.turnOpen()) {
      return;
    }
    t.closeTurn();
    if (!t.turnHeard()) {
      return;
    }
    long round = t.turnRound();
    events.userSpeak(inst, step.userId(), SpeakAction.SPEAK_END, round);
    events.asrResult(inst, step.userId(), round, step.text());
    SpeechItem item = new SpeechItem(round, SpeechItem.Source.TURN, TURN_PRIORITY, step.text(),
        null, true, addAnswerToHistory.getAsBoolean());
    if (!inst.voice().charge(item, item.requestBytes())) {
      events.exception(inst, speech.memoryFailure(), "the user's turn was not answered: "
          + inst.memory().budget().refusal(), round);
      return;
    }
    speech.apply(inst, Speech.decide(inst, TURN_PRIORITY, false), item, true, ReasonEnum.USER_SPEECH, step.at());
  }
}
