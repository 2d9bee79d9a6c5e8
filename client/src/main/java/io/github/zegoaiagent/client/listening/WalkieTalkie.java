package io.github.zegoaiagent.client.listening;

import io.github.zegoaiagent.client.api.InstanceControlApi;
import io.github.zegoaiagent.client.model.ListeningTurnRequest;
import io.github.zegoaiagent.client.model.RoundResponse;

/**
 * Walkie-talkie turns of one user of one instance (AdvancedConfig.CommunicationMode 2). Start and
 * Stop must alternate: a second {@link #start()} before {@link #stop()} (or the reverse) is refused
 * with {@link IllegalStateException} before any HTTP call. Each call carries the next Sequence. A
 * call that fails leaves the state unchanged. Thread-safe.
 */
public final class WalkieTalkie {

  private final InstanceControlApi control;
  private final ListeningSequencer sequencer;
  private final String agentInstanceId;
  private final String userId;
  private boolean listening;

  /**
   * @param control the control API of a client
   * @param sequencer the Sequence source
   * @param agentInstanceId the instance
   * @param userId the user, or null for the instance's user
   */
  public WalkieTalkie(InstanceControlApi control, ListeningSequencer sequencer, String agentInstanceId, String userId) {
    this.control = control;
    this.sequencer = sequencer;
    this.agentInstanceId = agentInstanceId;
    this.userId = userId;
  }

  /**
   * Starts the user's turn (StartListening).
   *
   * @return the answer, with the turn's Round
   * @throws IllegalStateException when a turn is already started
   */
  public synchronized RoundResponse start() {
    if (listening) {
      throw new IllegalStateException("already listening to " + who() + "; call stop() first");
    }
    RoundResponse answer = control.startListening(request());
    listening = true;
    return answer;
  }

  /**
   * Ends the user's turn (StopListening); the agent then answers.
   *
   * @return the answer, with the turn's Round
   * @throws IllegalStateException when no turn is started
   */
  public synchronized RoundResponse stop() {
    if (!listening) {
      throw new IllegalStateException("not listening to " + who() + "; call start() first");
    }
    RoundResponse answer = control.stopListening(request());
    listening = false;
    return answer;
  }

  /** @return true between a successful start() and the next successful stop() */
  public synchronized boolean isListening() {
    return listening;
  }

  private ListeningTurnRequest request() {
    return new ListeningTurnRequest().agentInstanceId(agentInstanceId).userId(userId)
        .sequence(sequencer.next(agentInstanceId, userId));
  }

  private String who() {
    return "instance " + agentInstanceId + (userId == null ? "" : " user " + userId);
  }
}
