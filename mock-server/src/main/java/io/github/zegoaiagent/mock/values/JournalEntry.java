package io.github.zegoaiagent.mock.values;

/**
 * One request as the mock saw it. The query never carries the Signature (it is masked) and the
 * ServerSecret is never sent, so no entry holds a secret of the mock.
 *
 * @param sequence 1, 2, 3, ... since start (not reset)
 * @param atMillis clock time received
 * @param method HTTP method
 * @param path request path
 * @param query raw query with {@code Signature} masked
 * @param action Action parameter, or null
 * @param appId AppId if it parsed, else null
 * @param body request body as text (truncated to 8 KiB)
 * @param code the answer's Code
 * @param message the answer's Message
 * @param requestId the answer's RequestId
 * @param unknownFields wire paths of body properties the contract does not know (the service
 *     ignores them; a typo such as {@code RTC.AgentUserID} shows up here), empty if none
 * @param legacy legacy values and deprecated properties the body used, e.g.
 *     {@code TTS.Vendor=ByteDance (legacy)}, empty if none
 */
public record JournalEntry(long sequence, long atMillis, String method, String path, String query,
    String action, Long appId, String body, int code, String message, String requestId,
    java.util.List<String> unknownFields, java.util.List<String> legacy) {
}
