package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.values.CallbackStats;
import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.values.AgentRecord;
import io.github.zegoaiagent.mock.values.Fault;
import io.github.zegoaiagent.mock.values.InstanceSnapshot;
import io.github.zegoaiagent.mock.values.JournalEntry;
import io.github.zegoaiagent.mock.values.MockClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the control API operates on: the running mock ({@code MockServer} implements it). An
 * interface here so this package does not depend on the module's root package (no cycles).
 * Each method has the meaning documented on {@code MockServer}.
 */
public interface MockControl {
  /** @return the API's base URL */
  URI baseUrl();

  /** @return the AppIds served (no secrets) */
  Set<Long> appIds();

  /** @return whether strict nonce checks are on */
  boolean strictNonces();

  /** @return the callback URL, or null */
  URI callbackUrl();

  /** @param url where callbacks go from now on, or null @param secret their secret, or null to keep it */
  void setCallbackTarget(URI url, String secret);

  /** @return the simulation clock */
  MockClock clock();

  /** Forgets agents, instances, journal, faults, QPS windows, nonces and recorded callbacks. */
  void reset();

  /** @param appId App @return its agents, credentials masked */
  List<AgentRecord> agents(long appId);

  /** @return running instances, credentials masked */
  List<InstanceSnapshot> instances();

  /** @param agentInstanceId id @return the instance now; NoSuchElementException if it does not run */
  InstanceSnapshot requireInstance(String agentInstanceId);

  /** @param agentInstanceId id @param present whether the user is in the room */
  void setUserPresent(String agentInstanceId, boolean present);

  /** @param agentInstanceId id @param userId user or null @param publishing whether it publishes */
  void setUserPublishing(String agentInstanceId, String userId, boolean publishing);

  /** @param agentInstanceId id @param text the simulated user's next utterance */
  void setUserUtterance(String agentInstanceId, String text);

  /**
   * @param agentInstanceId id
   * @param script conversation script to play from now on
   * @return mock-clock millis at which it ends
   */
  long loadScript(String agentInstanceId, io.github.zegoaiagent.mock.script.ConversationScript script);

  /** @return the journal, oldest first */
  List<JournalEntry> journal();

  /** @return planned faults */
  List<Fault> faults();

  /** @param fault fault to plan */
  void injectFault(Fault fault);

  /** Drops planned faults. */
  void clearFaults();

  /** @param d how far to move the clock */
  void advanceClock(Duration d);

  /** @param reply the simulated LLM from now on */
  void setLlmReply(LlmReply reply);

  /** @param qps limit per action and App, 0 = off */
  void setQpsLimit(int qps);

  /** @return callback delivery counters */
  CallbackStats callbackStats();

  /** @return recorded callback events, masked */
  List<JsonNode> callbacks();

  /** @return the validating proxy's drift report (empty when the mock simulates) */
  io.github.zegoaiagent.mock.values.DriftReport driftReport();

  /** Forgets the drift counts. */
  void clearDrift();

  /** @return the drift report as Markdown */
  String driftMarkdown();

  /** @return the file the Markdown report was written to, or null when none is configured */
  java.nio.file.Path writeDriftReport();
}
