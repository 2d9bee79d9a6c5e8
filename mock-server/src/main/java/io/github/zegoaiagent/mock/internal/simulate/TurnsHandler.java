package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.InterruptedEventData.ReasonEnum;
import io.github.zegoaiagent.mock.internal.generated.model.ListeningTurnRequest;
import io.github.zegoaiagent.mock.internal.generated.model.RoundResponse;
import io.github.zegoaiagent.mock.internal.generated.model.SpeakAction;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import io.github.zegoaiagent.mock.internal.state.MockState;
import io.github.zegoaiagent.mock.internal.state.ScriptStep;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.internal.state.SpeechItem;
import io.github.zegoaiagent.mock.values.InstanceKind;
import io.github.zegoaiagent.mock.values.InstanceStatus;

/**
 * The turns aggregate: walkie-talkie StartListening/StopListening on the typed requests, the
 * simulated user (what it says, whether it publishes, whether it is in the room) and the clock:
 * {@link #tick} replays every transition due (speech, graceful shutdowns, MaxIdleTime). Runs
 * under the state lock.
 *
 * <p>A simulated user turn starts at {@link #startListening} and ends at {@link #stopListening},
 * which asks the LLM ({@link Speech#llmAnswer}) with {@link #setUserUtterance}'s text (control
 * API {@code POST /_mock/instances/{id}/user} {@code {"utterance":...}}) or the configured one.
 */
final class TurnsHandler {
  /** Code of AgentInstanceDeleted / Exception when the user stayed away past MaxIdleTime. */
  static final int EXCEPTION_USER_ABSENT = 1202;

  private final SimulationSettings config;
  private final MockState state;
  private final Speech speech;
  private final Instances instances;
  private final InstanceEvents events;
  private final UserTurns scripted;

  TurnsHandler(SimulationSettings config, MockState state, Speech speech, Instances instances,
      InstanceEvents events) {
    this.config = config;
    this.state = state;
    this.speech = speech;
    this.instances = instances;
    this.events = events;
    this.scripted = new UserTurns(speech, events, () -> {
      Boolean configured = config.addAnswerToHistoryDefault();
      return configured == null || configured;
    });
  }

  /** Replays every transition due at {@code now}: speech, graceful shutdowns, MaxIdleTime. */
  void tick(long now) {
    for (InstanceState inst : state.allInstances()) {
      playScript(inst, now);
      speech.advance(inst, now);
      if (inst.isShuttingDown() && (inst.isIdle() || now >= inst.shutdownDeadline())) {
        instances.remove(inst, 0, now);
      } else if (inst.kind() == InstanceKind.LIVE_DIGITAL_HUMAN) {
        if (now - inst.lastDriveAt() >= inst.maxIdleTimeSeconds() * 1000L) {
          instances.remove(inst, EXCEPTION_USER_ABSENT, now);
        }
      } else if (!inst.users().present() && now - inst.users().absentSince() >= inst.maxIdleTimeSeconds() * 1000L) {
        events.exception(inst, EXCEPTION_USER_ABSENT, "user " + inst.userId()
            + " absent longer than MaxIdleTime (" + inst.maxIdleTimeSeconds() + " s)", inst.lastRound());
        instances.remove(inst, EXCEPTION_USER_ABSENT, now);
      }
    }
  }

  /** Plays the instance's script steps due by {@code now}, each at its own time. */
  private void playScript(InstanceState inst, long now) {
    while (inst.script().nextAt() <= now) {
      ScriptStep step = inst.script().peek();
      if (!inst.users().present() && step.at() >= idleDeadline(inst)) {
        return; // the instance is gone by then (MaxIdleTime); removed by tick
      }
      inst.script().poll();
      speech.advance(inst, step.at());
      switch (step.kind()) {
        case SPEAK_BEGIN -> scripted.begin(inst, step);
        case SPEAK_END -> scripted.end(inst, step);
        case LEAVE -> setUserPresent(inst, false, step.at());
        case JOIN -> setUserPresent(inst, true, step.at());
        default -> throw new IllegalStateException("unhandled step " + step.kind());
      }
    }
  }

  private static long idleDeadline(InstanceState inst) {
    return inst.users().absentSince() + inst.maxIdleTimeSeconds() * 1000L;
  }

  /** @see Simulator#loadScript */
  void loadScript(InstanceState inst, ConversationScript script, long now) {
    scripted.load(inst, script, now);
  }

  /** @see Simulator#nextDue */
  long nextDue(long now) {
    long next = Long.MAX_VALUE;
    for (InstanceState inst : state.allInstances()) {
      long s = inst.script().nextAt();
      if (s > now) {
        next = Math.min(next, s);
      }
      if (!inst.users().present() && inst.kind() != InstanceKind.LIVE_DIGITAL_HUMAN && idleDeadline(inst) > now) {
        next = Math.min(next, idleDeadline(inst));
      }
      // Speech transitions too, so what happens then (status, LLMResult, the next queued item) is
      // applied, and seen on the timeline, at its own time rather than at the next stop.
      long speech = this.speech.nextTransitionAt(inst);
      if (speech > now) {
        next = Math.min(next, speech);
      }
      if (inst.isShuttingDown() && inst.shutdownDeadline() > now) {
        next = Math.min(next, inst.shutdownDeadline());
      }
    }
    return next;
  }

  public RoundResponse startListening(CallContext ctx, ListeningTurnRequest req) {
    InstanceState inst = instances.find(ctx, req.getAgentInstanceId());
    String user = walkieTalkieUser(inst, req);
    if (!inst.users().publishing(user)) {
      throw new ApiError(Codes.USER_NOT_PUBLISHING,
          "user " + user + " has not started publishing a stream; listening cannot start");
    }
    checkSequence(inst, user, req.getSequence());
    if (inst.listeningUser() != null) {
      if (inst.listeningUser().equals(user)) {
        return SpeechHandler.round(inst.listeningRound()); // repeated Start of the open turn: same Round
      }
      throw new ApiError(Codes.START_LISTENING_FAILED, "start listening failed: the turn of user "
          + inst.listeningUser() + " (Round " + inst.listeningRound() + ") is still open");
    }
    long now = ctx.nowMillis();
    speech.interrupt(inst, now, ReasonEnum.USER_SPEECH);
    inst.clearQueue();
    long round = inst.beginListening(user);
    events.userSpeak(inst, user, SpeakAction.SPEAK_BEGIN, round);
    speech.setStatus(inst, InstanceStatus.LISTENING, round);
    return SpeechHandler.round(round);
  }

  public RoundResponse stopListening(CallContext ctx, ListeningTurnRequest req) {
    InstanceState inst = instances.find(ctx, req.getAgentInstanceId());
    String user = walkieTalkieUser(inst, req);
    checkSequence(inst, user, req.getSequence());
    if (inst.listeningUser() == null || !inst.listeningUser().equals(user)) {
      throw new ApiError(Codes.STOP_LISTENING_FAILED, "stop listening failed: user " + user
          + " has no open turn" + (inst.listeningUser() == null ? "" : " (user " + inst.listeningUser() + " has)"));
    }
    long round = inst.endListening();
    events.userSpeak(inst, user, SpeakAction.SPEAK_END, round);
    String heard = inst.users().utterance() != null ? inst.users().utterance() : config.userUtterance();
    events.asrResult(inst, user, round, heard);
    Boolean configured = config.addAnswerToHistoryDefault();
    boolean addAnswer = configured == null || configured;
    SpeechItem item = new SpeechItem(round, SpeechItem.Source.TURN, 1, heard, null, true, addAnswer);
    speech.apply(inst, Speech.Decision.PLAY_NOW, item, true, ReasonEnum.USER_SPEECH, ctx.nowMillis());
    return SpeechHandler.round(round);
  }

  static void refuseWhileListening(InstanceState inst) {
    if (inst.listeningUser() != null) {
      throw new ApiError(Codes.AGENT_LISTENING, "agent is listening: walkie-talkie turn of user "
          + inst.listeningUser() + " (Round " + inst.listeningRound() + ") is open; call StopListening first");
    }
  }

  private static String walkieTalkieUser(InstanceState inst, ListeningTurnRequest req) {
    if (!inst.walkieTalkie()) {
      throw new ApiError(Codes.NOT_WALKIE_TALKIE, "instance " + inst.id()
          + " is not in walkie-talkie mode (create it with AdvancedConfig.CommunicationMode 2)");
    }
    return req.getUserId() != null ? req.getUserId() : inst.userId();
  }

  /** Only the latest Sequence per user counts; an older or equal one changes nothing. */
  private void checkSequence(InstanceState inst, String user, Long seq) {
    if (seq == null) {
      return;
    }
    Long latest = inst.latestSequence(user);
    if (latest != null && seq <= latest) {
      throw new ApiError(Codes.SEQUENCE_OUTDATED, "sequence check failed: Sequence " + seq
          + " of user " + user + " is not newer than " + latest + "; request ignored");
    }
    if (latest == null && inst.sequenceUsers() >= config.maxUsersPerInstance()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "UserId: the mock tracks at most "
          + config.maxUsersPerInstance() + " users per instance (cap maxUsersPerInstance)");
    }
    inst.acceptSequence(user, seq);
  }

  // ------------------------------------------------------------------ the simulated user

  /** Makes a user publish a stream or stop (StartListening needs it). */
  void setUserPublishing(InstanceState inst, String userId, boolean publishing) {
    inst.users().setPublishing(userId != null ? userId : inst.userId(), publishing, config.maxUsersPerInstance());
  }

  /** Sets what the user says in the instance's next walkie-talkie turns (null: the configured text). */
  void setUserUtterance(InstanceState inst, String text) {
    inst.users().setUtterance(text);
  }

  /** Marks the instance's user absent from (or back in) the room; MaxIdleTime counts from then. */
  void setUserPresent(InstanceState inst, boolean present, long now) {
    if (present) {
      inst.users().returned();
    } else {
      inst.users().left(now);
    }
  }
}
