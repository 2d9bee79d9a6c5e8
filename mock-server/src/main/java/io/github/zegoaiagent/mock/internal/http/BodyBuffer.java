package io.github.zegoaiagent.mock.internal.http;

import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * One connection's request body as it arrives: grown with the bytes that come (from at most
 * 64 KiB, never from the announced Content-Length, so a slow client that claims 1 MiB and sends
 * nothing holds little), up to the body cap, and charged to the memory budget beyond 4 KiB while
 * it is kept. Used on the connection's event loop only.
 */
final class BodyBuffer {
  private static final byte[] EMPTY = new byte[0];
  private static final int INITIAL = 64 * 1024;
  /** A buffer up to this size is not charged (at most this much per connection goes uncounted). */
  private static final int UNCHARGED = 4 * 1024;

  private final int max;
  private final MemoryBudget budget;
  private Account memory;
  private long charged;
  private byte[] bytes = EMPTY;
  private int length;
  private long announced;
  private boolean tooLarge;

  /**
   * @param max the body cap
   * @param budget what the buffer is charged to, or null
   */
  BodyBuffer(int max, MemoryBudget budget) {
    this.max = max;
    this.budget = budget;
  }

  /**
   * A new request's body begins.
   *
   * @param announced its Content-Length, or -1
   * @return false when the budget has no room for the first buffer (the request is refused)
   */
  boolean begin(long announced) {
    length = 0;
    this.announced = announced;
    tooLarge = announced > max;
    int initial = announced > 0 && announced <= max ? (int) Math.min(announced, INITIAL) : 0;
    if (!charge(initial)) {
      return false;
    }
    bytes = initial > 0 ? new byte[initial] : EMPTY;
    return true;
  }

  /** @return whether the body is longer than the cap (the rest is not read) */
  boolean tooLarge() {
    return tooLarge;
  }

  /**
   * @param content bytes that arrived
   * @return false when the budget has no room for them (the request is refused)
   */
  boolean append(ByteBuf content) {
    int n = content.readableBytes();
    if (n == 0 || tooLarge) {
      return true;
    }
    if ((long) length + n > max) {
      tooLarge = true;
      return true;
    }
    if (length + n > bytes.length) {
      // doubling with what arrives, but never past the announced length: a complete body then
      // needs no last copy
      int cap = announced >= length + n && announced <= max ? (int) announced : max;
      int size = Math.min(cap, Math.max(length + n, bytes.length * 2));
      if (!charge(size + (long) bytes.length)) { // the old buffer lives until the copy is done
        return false;
      }
      bytes = Arrays.copyOf(bytes, size);
      if (charged > size) { // the old buffer is garbage now
        memory.release(charged - size);
        charged = size;
      }
    }
    content.readBytes(bytes, length, n);
    length += n;
    return true;
  }

  /** @return the body's bytes (empty when it was too large); the buffer starts over, still charged until {@link #release()} */
  byte[] take() {
    byte[] in = tooLarge ? EMPTY : length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    bytes = EMPTY;
    return in;
  }

  /** The body is answered: its memory is given back. */
  void release() {
    if (charged > 0) {
      memory.release(charged);
      charged = 0;
    }
    bytes = EMPTY;
  }

  /** The connection ended. */
  void close() {
    if (memory != null) {
      memory.close();
    }
  }

  private boolean charge(long size) {
    if (size <= UNCHARGED || budget == null || size <= charged) {
      return true;
    }
    if (memory == null) {
      memory = budget.account();
    }
    if (!memory.tryCharge(size - charged, "a request body")) {
      return false;
    }
    charged = size;
    return true;
  }
}
