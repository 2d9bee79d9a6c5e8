package io.github.zegoaiagent.client.token;

import java.security.SecureRandom;

/** The default: {@link SecureRandom} for both parts. */
final class SecureTokenRandomness implements TokenRandomness {

  static final SecureTokenRandomness INSTANCE = new SecureTokenRandomness();

  private final SecureRandom random = new SecureRandom();

  @Override
  public int nextNonce() {
    return random.nextInt();
  }

  @Override
  public byte[] nextIv(int length) {
    byte[] iv = new byte[length];
    random.nextBytes(iv);
    return iv;
  }
}
