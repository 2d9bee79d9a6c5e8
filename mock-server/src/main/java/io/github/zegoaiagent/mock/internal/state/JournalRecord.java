package io.github.zegoaiagent.mock.internal.state;

import io.github.zegoaiagent.mock.internal.memory.Sizes;
import java.util.List;

/**
 * One request as the mock saw it (the control API shows it as {@code JournalEntry}). The query
 * never carries the Signature (it is masked) and the ServerSecret is never sent, so no entry holds
 * a secret of the mock.
 *
 * @param sequence 1, 2, 3, ... since start (not reset)
 * @param atMillis clock time received
 * @param method HTTP method
 * @param path request path
 * @param query raw query with {@code Signature} masked
 * @param action Action parameter, or null
 * @param appId AppId if it parsed, else null
 * @param body request body as text (clipped)
 * @param code the answer's Code
 * @param message the answer's Message
 * @param requestId the answer's RequestId
 * @param unknownFields wire paths of body properties the contract does not know
 * @param legacy legacy values and deprecated properties the body used
 */
public record JournalRecord(long sequence, long atMillis, String method, String path, String query,
    String action, Long appId, String body, int code, String message, String requestId,
    List<String> unknownFields, List<String> legacy) {

  /** @return characters of query, body and message (what {@code journalBytes} counts) */
  long chars() {
    return len(query) + len(body) + len(message) + len(path) + len(action);
  }

  /** @return estimated heap */
  long bytes() {
    long lists = 0;
    for (String s : unknownFields) {
      lists += Sizes.text(s);
    }
    for (String s : legacy) {
      lists += Sizes.text(s);
    }
    return 2 * Sizes.ENTRY + Sizes.text(method) + Sizes.text(path) + Sizes.text(query) + Sizes.text(action)
        + Sizes.text(body) + Sizes.text(message) + Sizes.text(requestId) + lists;
  }

  private static long len(String s) {
    return s == null ? 0 : s.length();
  }
}
