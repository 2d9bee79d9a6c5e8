package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.values.ContextMessage;
import io.github.zegoaiagent.mock.values.InstanceKind;
import io.github.zegoaiagent.mock.values.InstanceSnapshot;
import io.github.zegoaiagent.mock.values.InstanceStatus;
import io.github.zegoaiagent.mock.values.SpokenText;


import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running agent instance. Mutable; every field is guarded by the {@link MockState} lock and
 * changed only by the simulator.
 */
public final class InstanceState {
  public final long appId;
  public final String id;
  public final InstanceKind kind;
  public final String agentId;
  public final String agentName;
  /** The instance's real user; null for a live digital human. */
  public final String userId;
  public final String roomId;
  public final String agentStreamId;
  public final String agentUserId;
  public final long createdAt;
  public final boolean walkieTalkie;
  public final boolean disableTts;
  public final int windowSize;
  /** Seconds: user absence (voice, digital human) or no TTS drive (live) before deletion. */
  public final int maxIdleTimeSeconds;
  /** CallbackConfig switches that are on, by event name. */
  public final Set<String> callbacksOn;

  public String userStreamId;
  public JsonNode llm;
  public JsonNode tts;
  public JsonNode asr;

  public final List<ContextMessage> context = new ArrayList<>();
  /** Characters of {@link #context} contents (the byte cap {@code maxContextBytes} counts this). */
  public long contextChars;
  public final Deque<SpokenText> spoken = new ArrayDeque<>();
  public final Deque<SpeechItem> queue = new ArrayDeque<>();
  public SpeechItem current;
  public long lastRound;
  public InstanceStatus status = InstanceStatus.IDLE;

  /** Walkie-talkie turn in progress: its user and Round, or null. */
  public String listeningUser;
  public long listeningRound;
  public final Map<String, Long> latestSequence = new HashMap<>();
  public final Set<String> notPublishing = new HashSet<>();
  /** What the simulated user says in the next walkie-talkie turn; null = the configured default. */
  public String userUtterance;

  /** AdvancedConfig.InterruptMode 0: user speech interrupts the agent. */
  public boolean interruptible = true;
  /** The conversation script being played, and its open user turn. */
  public final ScriptedTurns script = new ScriptedTurns();

  public boolean userPresent = true;
  public long userAbsentSince = -1;
  public long lastDriveAt;
  /** Graceful shutdown deadline, or -1. */
  public long shutdownDeadline = -1;

  /**
   * @param appId owning App
   * @param id AgentInstanceId
   * @param kind create action
   * @param agentId registered agent
   * @param agentName its name at creation
   * @param userId real user, or null
   * @param roomId RTC room, or null (CDN)
   * @param agentStreamId published stream, or null (CDN)
   * @param agentUserId agent's room user, or null (CDN)
   * @param userStreamId pulled stream, or null
   * @param createdAt clock millis
   * @param walkieTalkie CommunicationMode 2
   * @param disableTts AdvancedConfig.DisableTTS
   * @param windowSize MessageHistory.WindowSize
   * @param maxIdleTimeSeconds AdvancedConfig.MaxIdleTime
   * @param callbacksOn enabled optional events
   */
  public InstanceState(long appId, String id, InstanceKind kind, String agentId, String agentName,
      String userId, String roomId, String agentStreamId, String agentUserId, String userStreamId,
      long createdAt, boolean walkieTalkie, boolean disableTts, int windowSize,
      int maxIdleTimeSeconds, Set<String> callbacksOn) {
    this.appId = appId;
    this.id = id;
    this.kind = kind;
    this.agentId = agentId;
    this.agentName = agentName;
    this.userId = userId;
    this.roomId = roomId;
    this.agentStreamId = agentStreamId;
    this.agentUserId = agentUserId;
    this.userStreamId = userStreamId;
    this.createdAt = createdAt;
    this.walkieTalkie = walkieTalkie;
    this.disableTts = disableTts;
    this.windowSize = windowSize;
    this.maxIdleTimeSeconds = maxIdleTimeSeconds;
    this.callbacksOn = Set.copyOf(callbacksOn);
    this.lastDriveAt = createdAt;
  }

  /**
   * @param event an Event name
   * @return whether the instance's CallbackConfig switch of that name is on
   */
  public boolean callbackOn(String event) {
    return callbacksOn.contains(event);
  }

  /** @return whether nothing plays, waits or listens */
  public boolean isIdle() {
    return current == null && queue.isEmpty() && listeningUser == null;
  }

  /** @return whether a graceful shutdown is in progress */
  public boolean isShuttingDown() {
    return shutdownDeadline >= 0;
  }

  /** @return an immutable snapshot for inspection */
  public InstanceSnapshot snapshot() {
    return new InstanceSnapshot(appId, id, kind, agentId, userId, roomId, agentStreamId,
        agentUserId, userStreamId, status, lastRound, List.copyOf(context), List.copyOf(spoken),
        queue.size(), listeningUser, userPresent, isShuttingDown(), walkieTalkie,
        llm == null ? null : llm.deepCopy(), tts == null ? null : tts.deepCopy());
  }
}
