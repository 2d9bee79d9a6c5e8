package io.github.zegoaiagent.client.token;

import java.security.SecureRandom;

/**
 * Where a token's random parts come from: the JSON {@code nonce} (any int32; it only makes each
 * token unique) and the cipher IV. Production code uses {@link #secure()}; tests pin both to
 * reproduce known tokens.
 */
public interface TokenRandomness {

  /** @return the int32 written as the token's {@code nonce} */
  int nextNonce();

  /**
   * @param length the IV length the variant needs (12 for GCM, 16 for CBC)
   * @return a fresh IV of exactly that length
   */
  byte[] nextIv(int length);

  /** @return randomness from one shared {@link SecureRandom} (thread-safe) */
  static TokenRandomness secure() {
    return SecureTokenRandomness.INSTANCE;
  }

  /**
   * @param nonce the nonce to return every time
   * @param iv the IV to return every time (its length must match the variant)
   * @return fixed randomness, for tests only: a fixed GCM IV reused with one key is insecure
   */
  static TokenRandomness fixed(int nonce, byte[] iv) {
    byte[] copy = iv.clone();
    return new TokenRandomness() {
      @Override
      public int nextNonce() {
        return nonce;
      }

      @Override
      public byte[] nextIv(int length) {
        if (copy.length != length) {
          throw new IllegalArgumentException("fixed IV has " + copy.length + " bytes, the variant needs " + length);
        }
        return copy.clone();
      }
    };
  }
}
