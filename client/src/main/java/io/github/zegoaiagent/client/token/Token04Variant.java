package io.github.zegoaiagent.client.token;

/**
 * The two binary layouts of a Token04. Both start with {@code "04"} and the base64 of
 * {@code expire | ivLen | iv | ctLen | ciphertext}; they differ in the cipher and in a trailing mode
 * byte.
 */
public enum Token04Variant {

  /**
   * AES-256-GCM with a 12-byte nonce, 16-byte tag, no AAD and a trailing mode byte {@code 1}. What
   * the vendor's current generator produces and names "recommended". The default.
   */
  GCM(12),

  /**
   * AES-256-CBC with a 16-byte IV and PKCS#7 padding, no trailing byte. Every official generator
   * released up to 2023-11 produces it; the vendor now calls it deprecated, and whether its servers
   * still accept it is not documented. Use only when a consumer needs the legacy form.
   */
  CBC(16);

  private final int ivLength;

  Token04Variant(int ivLength) {
    this.ivLength = ivLength;
  }

  /** @return the length in bytes of the IV (CBC) or nonce (GCM) in the token header */
  public int ivLength() {
    return ivLength;
  }
}
