package io.github.zegoaiagent.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.values.ContextMessage;
import io.github.zegoaiagent.mock.values.InstanceKind;
import io.github.zegoaiagent.mock.values.InstanceSnapshot;
import io.github.zegoaiagent.mock.values.InstanceStatus;
import io.github.zegoaiagent.mock.values.SpokenText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running agent instance. Mutable, guarded by the {@link MockState} lock; its one writer is the
 * simulation ({@code internal.simulate}; {@code StateWritersTest} holds every other class of the
 * module away from this type), everything else reads {@link #snapshot()}s.
 *
 * <p>State changes are named for what happens (a speech item starts playing, a turn begins, the
 * user leaves); the rules deciding whether they may happen live in the handlers.
 *
 * <p>(Just over 400 lines on purpose: one small named method per transition of one instance,
 * kept next to the fields they guard so the single-writer rule reads in one place.)
 */
public final class InstanceState {
  /** What never changes after creation. */
  private final long appId;
  private final String id;
  private final InstanceKind kind;
  private final String agentId;
  private final String agentName;
  private final String userId;
  private final String roomId;
  private final String agentStreamId;
  private final String agentUserId;
  private final long createdAt;
  private final boolean walkieTalkie;
  private final boolean disableTts;
  private final int windowSize;
  private final int maxIdleTimeSeconds;
  private final Set<String> callbacksOn;

  // Configuration (UpdateAgentInstance replaces parts)
  private String userStreamId;
  private JsonNode llm;
  private JsonNode tts;
  private JsonNode asr;

  // The LLM context and what was said
  private final ContextLog context = new ContextLog();
  private final Deque<SpokenText> spoken = new ArrayDeque<>();

  // The voice
  private final Deque<SpeechItem> queue = new ArrayDeque<>();
  private SpeechItem current;
  private long lastRound;
  private InstanceStatus status = InstanceStatus.IDLE;

  // Walkie-talkie turns and the simulated users
  private String listeningUser;
  private long listeningRound;
  private final Map<String, Long> latestSequence = new HashMap<>();
  private final RoomUsers users = new RoomUsers();

  // Conversation scripts (issue 16)
  private boolean interruptible = true;
  private final ScriptedTurns script = new ScriptedTurns();

  // Lifetime
  private long lastDriveAt;
  private long shutdownDeadline = -1;

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
   * @param llm effective LLM configuration, or null
   * @param tts effective TTS configuration, or null
   * @param asr effective ASR configuration, or null
   */
  public InstanceState(long appId, String id, InstanceKind kind, String agentId, String agentName,
      String userId, String roomId, String agentStreamId, String agentUserId, String userStreamId,
      long createdAt, boolean walkieTalkie, boolean disableTts, int windowSize,
      int maxIdleTimeSeconds, Set<String> callbacksOn, JsonNode llm, JsonNode tts, JsonNode asr) {
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
    this.llm = copy(llm);
    this.tts = copy(tts);
    this.asr = copy(asr);
    this.lastDriveAt = createdAt;
  }

  private static JsonNode copy(JsonNode n) {
    return n == null ? null : n.deepCopy();
  }

  // ------------------------------------------------------------------ identity (immutable)

  public long appId() {
    return appId;
  }

  public String id() {
    return id;
  }

  public InstanceKind kind() {
    return kind;
  }

  public String agentId() {
    return agentId;
  }

  /** @return the agent's Name at creation, or null */
  public String agentName() {
    return agentName;
  }

  /** @return the instance's real user; null for a live digital human */
  public String userId() {
    return userId;
  }

  public String roomId() {
    return roomId;
  }

  public String agentStreamId() {
    return agentStreamId;
  }

  public String agentUserId() {
    return agentUserId;
  }

  public long createdAt() {
    return createdAt;
  }

  public boolean walkieTalkie() {
    return walkieTalkie;
  }

  public boolean ttsDisabled() {
    return disableTts;
  }

  /** @return seconds of user absence (voice, digital human) or no TTS drive (live) before deletion */
  public int maxIdleTimeSeconds() {
    return maxIdleTimeSeconds;
  }

  /**
   * @param event an Event name
   * @return whether the instance's CallbackConfig switch of that name is on
   */
  public boolean callbackOn(String event) {
    return callbacksOn.contains(event);
  }

  // ------------------------------------------------------------------ configuration

  /** @return the effective LLM configuration (read-only by convention), or null */
  public JsonNode llm() {
    return llm;
  }

  /** @return the effective TTS configuration (read-only by convention), or null */
  public JsonNode tts() {
    return tts;
  }

  /**
   * UpdateAgentInstance: replaces what is given; null keeps the current value.
   *
   * @param newLlm LLM object as sent
   * @param newTts TTS object as sent
   * @param newAsr ASR object as sent
   * @param newUserStreamId RTC.UserStreamId
   */
  public void reconfigure(JsonNode newLlm, JsonNode newTts, JsonNode newAsr, String newUserStreamId) {
    if (newLlm != null) {
      llm = newLlm.deepCopy();
    }
    if (newTts != null) {
      tts = newTts.deepCopy();
    }
    if (newAsr != null) {
      asr = newAsr.deepCopy();
    }
    if (newUserStreamId != null) {
      userStreamId = newUserStreamId;
    }
  }

  // ------------------------------------------------------------------ context and spoken texts

  /** @return the LLM context */
  public ContextLog context() {
    return context;
  }

  /** @return the context messages the LLM sees with each call (MessageHistory.WindowSize) */
  public List<ContextMessage> contextWindow() {
    return context.window(windowSize);
  }

  /**
   * @param t what the agent said (or began to say)
   * @param max spoken texts kept at most
   */
  public void rememberSpoken(SpokenText t, int max) {
    if (spoken.size() >= max) {
      spoken.removeFirst();
    }
    spoken.addLast(t);
  }

  // ------------------------------------------------------------------ the voice

  /** @return the item playing or thinking, or null */
  public SpeechItem current() {
    return current;
  }

  /** @return a new Round for the next call or turn */
  public long nextRound() {
    return ++lastRound;
  }

  /** @return the latest Round handed out (0 before any) */
  public long lastRound() {
    return lastRound;
  }

  /** Makes {@code item} the one playing (or thinking) now. */
  public void play(SpeechItem item) {
    current = item;
  }

  /** @return the item that was playing, now stopped (finished or cut off), or null */
  public SpeechItem stopPlaying() {
    SpeechItem c = current;
    current = null;
    return c;
  }

  /** @param item waits behind what plays (SamePriorityOption Enqueue) */
  public void enqueue(SpeechItem item) {
    queue.addLast(item);
  }

  /** @return the next waiting item, removed, or null */
  public SpeechItem nextQueued() {
    return queue.pollFirst();
  }

  /** Forgets every waiting item. */
  public void clearQueue() {
    queue.clear();
  }

  /** @return items waiting */
  public int queued() {
    return queue.size();
  }

  public InstanceStatus status() {
    return status;
  }

  /** @return whether the status changed */
  public boolean changeStatus(InstanceStatus s) {
    if (s == status) {
      return false;
    }
    status = s;
    return true;
  }

  // ------------------------------------------------------------------ walkie-talkie turns

  /** @return the user whose turn is open, or null */
  public String listeningUser() {
    return listeningUser;
  }

  /** @return the Round of the open (or last) turn */
  public long listeningRound() {
    return listeningRound;
  }

  /**
   * Opens {@code user}'s turn with a new Round.
   *
   * @return the turn's Round
   */
  public long beginListening(String user) {
    listeningUser = user;
    listeningRound = nextRound();
    return listeningRound;
  }

  /** @return the Round of the turn that was open, now closed */
  public long endListening() {
    listeningUser = null;
    return listeningRound;
  }

  /** @return the latest Sequence seen from {@code user}, or null */
  public Long latestSequence(String user) {
    return latestSequence.get(user);
  }

  /** @return users whose Sequence is tracked */
  public int sequenceUsers() {
    return latestSequence.size();
  }

  /** Records {@code seq} as {@code user}'s latest Sequence. */
  public void acceptSequence(String user, long seq) {
    latestSequence.put(user, seq);
  }

  // ------------------------------------------------------------------ the simulated users

  /** @return the simulated users of the room */
  public RoomUsers users() {
    return users;
  }

  /** @return whether user speech interrupts the agent (AdvancedConfig.InterruptMode 0) */
  public boolean interruptible() {
    return interruptible;
  }

  /** @param on whether user speech interrupts the agent (set at creation from InterruptMode) */
  public void setInterruptible(boolean on) {
    interruptible = on;
  }

  /** @return the conversation script being played and its open user turn */
  public ScriptedTurns script() {
    return script;
  }

  /** @return when a TTS call last drove the instance (live digital human idle time) */
  public long lastDriveAt() {
    return lastDriveAt;
  }

  /** A TTS call drove the instance at {@code now}. */
  public void drivenAt(long now) {
    lastDriveAt = now;
  }

  // ------------------------------------------------------------------ lifetime

  /** @return whether nothing plays, waits or listens */
  public boolean isIdle() {
    return current == null && queue.isEmpty() && listeningUser == null;
  }

  /** @return whether a graceful shutdown is in progress */
  public boolean isShuttingDown() {
    return shutdownDeadline >= 0;
  }

  /** @return the graceful shutdown's deadline (clock millis), or -1 */
  public long shutdownDeadline() {
    return shutdownDeadline;
  }

  /** Starts a graceful shutdown ending at {@code deadline} at the latest (a second call changes nothing). */
  public void beginShutdown(long deadline) {
    if (!isShuttingDown()) {
      shutdownDeadline = deadline;
    }
  }

  /** @return an immutable snapshot for inspection */
  public InstanceSnapshot snapshot() {
    return new InstanceSnapshot(appId, id, kind, agentId, userId, roomId, agentStreamId,
        agentUserId, userStreamId, status, lastRound, List.copyOf(context.messages()),
        List.copyOf(spoken), queue.size(), listeningUser, users.present(), isShuttingDown(), walkieTalkie,
        copy(llm), copy(tts));
  }
}
