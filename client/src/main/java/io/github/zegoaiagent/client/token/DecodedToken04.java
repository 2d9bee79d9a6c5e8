package io.github.zegoaiagent.client.token;

/**
 * What a Token04 contains, as {@link Token04#decode} recovered it. For tests and diagnostics: the
 * service, not your backend, is the verifier of user tokens.
 *
 * @param variant GCM or CBC, from the trailing mode byte
 * @param headerExpire the expiry in clear in the header (not authenticated; trust {@link #expire})
 * @param ivHex the IV (CBC) or nonce (GCM) of the cipher, lower-case hex
 * @param appId {@code app_id}
 * @param userId {@code user_id}
 * @param nonce {@code nonce} (int32)
 * @param ctime {@code ctime}, Unix seconds
 * @param expire {@code expire}, Unix seconds (absolute)
 * @param payload {@code payload}, {@code ""} or null when none was given
 * @param plaintext the whole decrypted JSON text
 */
public record DecodedToken04(Token04Variant variant, long headerExpire, String ivHex, long appId, String userId,
    long nonce, long ctime, long expire, String payload, String plaintext) { }
