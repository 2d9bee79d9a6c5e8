package io.github.zegoaiagent.mock.internal.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.state.RequestJournal;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.http.RawRequest;
import java.util.List;

/**
 * The last stage of every API request: a journal entry (secrets masked) and the listener (the
 * console request log, the dashboard's timeline).
 */
public final class Recorder {
  private final RequestJournal journal;
  private final SecretMasker masker;
  private final RequestListener listener;
  private final int maxBodyBytes;

  /**
   * @param journal the journal
   * @param masker masks credentials in bodies
   * @param listener told of every answered request
   * @param maxBodyBytes the front's body cap (named in the entry of a larger body)
   */
  public Recorder(RequestJournal journal, SecretMasker masker, RequestListener listener, int maxBodyBytes) {
    this.journal = journal;
    this.masker = masker;
    this.listener = listener;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The pipeline starts on a request (before anything it causes). */
  void received() {
    listener.received();
  }

  /**
   * @param parsed the body as the pipeline parsed it, or null when it got no that far (then it is
   *     parsed here, once more, for the journal)
   */
  void record(long now, RawRequest req, JsonNode parsed, String action, Long appId, int code, String message,
      String requestId, List<String> unknownFields, List<String> legacy, long startedNanos) {
    String body;
    if (req.bodyTooLarge()) {
      body = "(body larger than " + maxBodyBytes + " bytes)";
    } else if (parsed != null) {
      body = masker.maskBody(action, parsed, req.body().length, RequestJournal.MAX_BODY_CHARS);
    } else {
      body = masker.maskBody(action, req.body());
    }
    JournalRecord entry = journal.add(now, req.method(), req.path(), req.rawQuery(), action, appId,
        body, code, message, requestId, unknownFields, legacy);
    listener.answered(entry, System.nanoTime() - startedNanos);
  }
}
