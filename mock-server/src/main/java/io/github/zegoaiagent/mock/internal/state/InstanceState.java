package io.github.zegoaiagent.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running agent instance: mutable, guarded by its own {@link #lock()}, which only the
 * simulation takes ({@code internal.simulate.Locks}), so work on one instance never waits for
 * another. Its one
 * writer is the simulation ({@code StateWritersTest} holds every other class of the module away
 * from this type); everything else reads {@link #snapshot()}s. Everything it keeps is charged to
 * its {@link #memory() account} of the memory budget, given back when it is deleted.
 *
 * <p>State changes are named for what happens (a speech item starts playing, a turn begins, the
 * user leaves); the rules deciding whether they may happen live in the handlers.
 */
public final class InstanceState {
  /** What never changes after creation. */
  private final InstanceIdentity id;
  private final long sequence;
  private final boolean walkieTalkieMode;
  private final boolean disableTts;
  private final int windowSize;
  private final int maxIdleTimeSeconds;
  private final Set<String> callbacksOn;
  private final Account memory;
  private final ReentrantLock lock = new ReentrantLock();

  // Configuration (UpdateAgentInstance replaces parts)
  private String userStreamId;
  private JsonNode llm;
  private JsonNode tts;
  private JsonNode asr;

  // The LLM context and what was said
  private final ContextLog context;
  private final Deque<SpokenLine> spoken = new ArrayDeque<>();

  // The voice
  private final Voice voice;
  private long lastRound;
  private InstanceStatus status = InstanceStatus.IDLE;

  // Turns and the simulated users
  private final WalkieTalkie walkie;
  private final RoomUsers users;
  private boolean interruptible = true;
  private final ScriptedTurns script;

  // Lifetime
  private long lastDriveAt;
  private long shutdownDeadline = -1;
  private volatile boolean ended;


  /**
   * @param id what names it
   * @param sequence creation order within the mock
   * @param userStreamId pulled stream, or null
   * @param walkieTalkie CommunicationMode 2
   * @param disableTts AdvancedConfig.DisableTTS
   * @param windowSize MessageHistory.WindowSize
   * @param maxIdleTimeSeconds AdvancedConfig.MaxIdleTime
   * @param callbacksOn enabled optional events
   * @param llm effective LLM configuration, or null
   * @param tts effective TTS configuration, or null
   * @param asr effective ASR configuration, or null
   * @param memory its account, already charged with {@link #baseBytes}
   */
  public InstanceState(InstanceIdentity id, long sequence, String userStreamId, boolean walkieTalkie,
      boolean disableTts, int windowSize, int maxIdleTimeSeconds, Set<String> callbacksOn,
      JsonNode llm, JsonNode tts, JsonNode asr, Account memory) {
    this.id = id;
    this.sequence = sequence;
    this.userStreamId = userStreamId;
    this.walkieTalkieMode = walkieTalkie;
    this.disableTts = disableTts;
    this.windowSize = windowSize;
    this.maxIdleTimeSeconds = maxIdleTimeSeconds;
    this.callbacksOn = Set.copyOf(callbacksOn);
    this.llm = copy(llm);
    this.tts = copy(tts);
    this.asr = copy(asr);
    this.memory = memory;
    this.context = new ContextLog(memory);
    this.voice = new Voice(memory);
    this.walkie = new WalkieTalkie(memory);
    this.users = new RoomUsers(memory);
    this.script = new ScriptedTurns(memory);
    this.lastDriveAt = id.createdAt();
  }

  /** @return what an instance with these configurations costs before it says anything */
  public static long baseBytes(JsonNode llm, JsonNode tts, JsonNode asr) {
    return Sizes.INSTANCE + Sizes.json(llm) + Sizes.json(tts) + Sizes.json(asr);
  }

  private static JsonNode copy(JsonNode n) {
    return n == null ? null : n.deepCopy();
  }

  // ------------------------------------------------------------------ identity (immutable)

  public long appId() {
    return id.appId();
  }

  public String id() {
    return id.id();
  }

  public InstanceKind kind() {
    return id.kind();
  }

  public String agentId() {
    return id.agentId();
  }

  /** @return the agent's Name at creation, or null */
  public String agentName() {
    return id.agentName();
  }

  /** @return the instance's real user; null for a live digital human */
  public String userId() {
    return id.userId();
  }

  public String roomId() {
    return id.roomId();
  }

  public String agentStreamId() {
    return id.agentStreamId();
  }

  public String agentUserId() {
    return id.agentUserId();
  }

  public long createdAt() {
    return id.createdAt();
  }

  /** @return creation order within the mock */
  public long sequence() {
    return sequence;
  }

  public boolean walkieTalkie() {
    return walkieTalkieMode;
  }

  public boolean ttsDisabled() {
    return disableTts;
  }

  /** @return seconds of user absence (voice, digital human) or no TTS drive (live) before deletion */
  public int maxIdleTimeSeconds() {
    return maxIdleTimeSeconds;
  }

  /** @return whether the instance's CallbackConfig switch named {@code event} is on */
  public boolean callbackOn(String event) {
    return callbacksOn.contains(event);
  }

  /** @return the lock guarding this instance (taken by the simulation only) */
  public ReentrantLock lock() {
    return lock;
  }

  /** @return what it holds of the memory budget */
  public Account memory() {
    return memory;
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
   * @return false when the new configuration does not fit in the memory budget (nothing changed)
   */
  public boolean reconfigure(JsonNode newLlm, JsonNode newTts, JsonNode newAsr, String newUserStreamId) {
    JsonNode l = newLlm != null ? newLlm.deepCopy() : llm;
    JsonNode t = newTts != null ? newTts.deepCopy() : tts;
    JsonNode a = newAsr != null ? newAsr.deepCopy() : asr;
    long was = baseBytes(llm, tts, asr);
    long now = baseBytes(l, t, a);
    if (now > was && !memory.tryCharge(now - was, "an instance configuration")) {
      return false;
    }
    memory.release(was - now);
    llm = l;
    tts = t;
    asr = a;
    if (newUserStreamId != null) {
      userStreamId = newUserStreamId;
    }
    return true;
  }

  // ------------------------------------------------------------------ context and spoken texts

  /** @return the LLM context */
  public ContextLog context() {
    return context;
  }

  /** @return the context messages the LLM sees with each call (MessageHistory.WindowSize) */
  public List<ContextEntry> contextWindow() {
    return context.window(windowSize);
  }

  /**
   * Remembers what the agent said (or began to say), forgetting the oldest beyond {@code max} and
   * beyond the memory budget; not kept when the budget has no room even for it alone.
   */
  public void rememberSpoken(SpokenLine t, int max) {
    while (!spoken.isEmpty() && spoken.size() >= max) {
      memory.release(spoken.removeFirst().bytes());
    }
    while (!memory.tryCharge(t.bytes(), "a spoken text")) {
      if (spoken.isEmpty()) {
        return;
      }
      memory.release(spoken.removeFirst().bytes());
    }
    spoken.addLast(t);
  }

  // ------------------------------------------------------------------ the voice

  /** @return what plays, thinks or waits */
  public Voice voice() {
    return voice;
  }

  /** @return a new Round for the next call or turn */
  public long nextRound() {
    return ++lastRound;
  }

  /** @return the latest Round handed out (0 before any) */
  public long lastRound() {
    return lastRound;
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

  // ------------------------------------------------------------------ turns and simulated users

  /** @return the walkie-talkie turns */
  public WalkieTalkie walkie() {
    return walkie;
  }

  /**
   * Opens {@code user}'s walkie-talkie turn with a new Round.
   *
   * @return the turn's Round
   */
  public long beginListening(String user) {
    long r = nextRound();
    walkie.open(user, r);
    return r;
  }

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
    return voice.current() == null && voice.queued() == 0 && walkie.user() == null;
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

  /** @return whether the instance was deleted (any thread may ask) */
  public boolean ended() {
    return ended;
  }

  /** The instance is deleted: it keeps nothing any more (its memory is given back). */
  public void end() {
    ended = true;
    SpeechItem c = voice.current();
    if (c != null) {
      c.cancelAnswer(); // an answer still streaming from the user's LLM is not needed any more
    }
    voice.forget();
    memory.close();
  }

  /** @return an immutable snapshot for inspection */
  public InstanceView snapshot() {
    return new InstanceView(id, userStreamId, status, lastRound, context.messages(), List.copyOf(spoken),
        voice.queued(), walkie.user(), users.present(), isShuttingDown(), walkieTalkieMode, copy(llm), copy(tts));
  }
}
