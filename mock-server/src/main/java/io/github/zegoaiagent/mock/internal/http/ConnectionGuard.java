package io.github.zegoaiagent.mock.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * First handler of every connection: the deadlines and the end of a connection.
 *
 * <ul>
 *   <li>a request's head must arrive within {@code headerTimeout} of its first byte, its body
 *       within {@code bodyTimeout} of the head, and an answer the client does not read must
 *       drain within {@code bodyTimeout}: past a deadline the connection is answered (HTTP 408)
 *       and closed; a connection silent for {@code idleTimeout} between requests is closed;
 *   <li>reading pauses while an answer is held back (injected delay) or the client does not
 *       read what was written, so a connection never buffers without bound;
 *   <li>once an answer that ends the connection is written, every further byte is dropped here,
 *       before the decoder, for a short linger (so the client can read the answer instead of
 *       meeting a reset), then the connection closes.
 * </ul>
 *
 * <p>Deadlines are plain fields written on the connection's event loop; {@link HttpFront}'s
 * sweeper reads them a few times a second and asks the loop to act, so the request path arms no
 * timer. All methods but {@link #expired(long)} run on the event loop.
 */
final class ConnectionGuard extends ChannelDuplexHandler {
  enum Phase { IDLE, HEAD, BODY, BUSY, LINGER }

  private static final long LINGER_NANOS = 2_000_000_000L;
  /** Bytes dropped while lingering before the connection is closed at once. */
  private static final long LINGER_MAX_BYTES = 64L << 20;

  private final HttpFront front;
  private Channel channel;
  private ExchangeHandler exchange;
  private Phase phase = Phase.IDLE;
  private volatile long deadline;
  private volatile long writeDeadline;
  /** When the connection became idle between requests (System.nanoTime, never 0), or 0 while it is not. */
  private volatile long idleSince;
  private boolean held;
  private boolean unwritable;
  private long discarded;
  private boolean counted;

  ConnectionGuard(HttpFront front) {
    this.front = front;
  }

  void exchange(ExchangeHandler exchange) {
    this.exchange = exchange;
  }

  Phase phase() {
    return phase;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    channel = ctx.channel();
    if (!front.admit(this)) {
      // Over the connection bound with none idle to close: closed at once, unanswered (README,
      // "Every answer").
      ctx.close();
      return;
    }
    counted = true;
    idle(false);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted) {
      counted = false;
      front.release(this);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (phase == Phase.LINGER) {
      if (msg instanceof ByteBuf b) {
        discarded += b.readableBytes();
      }
      ReferenceCountUtil.release(msg);
      if (discarded > LINGER_MAX_BYTES) {
        ctx.close();
      }
      return;
    }
    if (phase == Phase.IDLE) {
      phase = Phase.HEAD;
      idleSince = 0;
      deadline = System.nanoTime() + front.headerTimeoutNanos();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    unwritable = !ctx.channel().isWritable();
    writeDeadline = unwritable ? System.nanoTime() + front.bodyTimeoutNanos() : 0;
    updateAutoRead();
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset by the peer and the like: nothing to answer on a broken connection.
    ctx.close();
  }

  /** The head of a request is complete: its body is due. */
  void headDone() {
    if (phase != Phase.LINGER) {
      phase = Phase.BODY;
      deadline = System.nanoTime() + front.bodyTimeoutNanos();
    }
  }

  /** The request is complete: no read deadline while it is answered. */
  void requestDone() {
    if (phase != Phase.LINGER) {
      phase = Phase.BUSY;
      deadline = 0;
    }
  }

  /** @param hold whether reading pauses (an answer is held back) */
  void hold(boolean hold) {
    held = hold;
    updateAutoRead();
  }

  /** The answer is written; the next request may come (or is already buffered). */
  void idle(boolean nextBuffered) {
    if (phase == Phase.LINGER) {
      return;
    }
    if (nextBuffered) {
      phase = Phase.HEAD;
      idleSince = 0;
      deadline = System.nanoTime() + front.headerTimeoutNanos();
    } else {
      phase = Phase.IDLE;
      long now = System.nanoTime();
      idleSince = now == 0 ? 1 : now;
      deadline = now + front.idleTimeoutNanos();
    }
  }

  /** Any thread: @return since when the connection is idle between requests (nanoTime), or 0 */
  long idleSince() {
    return idleSince;
  }

  /**
   * Any thread: closes the connection to admit a new one, on its loop, if it is still idle since
   * {@code since} (a request that began meanwhile keeps it open).
   */
  void evictIfIdleSince(long since) {
    Channel c = channel;
    if (c != null) {
      c.eventLoop().execute(() -> {
        if (phase == Phase.IDLE && idleSince == since && c.isActive()) {
          c.close();
        }
      });
    }
  }

  /** The answer that ends this connection is being written: drop all input from now on. */
  void linger() {
    phase = Phase.LINGER;
    idleSince = 0;
    deadline = System.nanoTime() + LINGER_NANOS;
    updateAutoRead();
  }

  /** The closing answer is out: half-close, then wait for the client's end or the linger deadline. */
  void answerSent() {
    if (channel instanceof SocketChannel s && s.isActive() && !s.isInputShutdown()) {
      s.shutdownOutput();
    } else {
      channel.close();
    }
  }

  /** Sweeper thread: @return whether a deadline passed (the loop then re-checks in {@link #timeout()}) */
  boolean expired(long now) {
    long d = deadline;
    long w = writeDeadline;
    return (d != 0 && now - d >= 0) || (w != 0 && now - w >= 0);
  }

  /** Sweeper thread: runs {@link #timeout()} on the connection's loop. */
  void eventLoopExecute() {
    Channel c = channel;
    if (c != null) {
      c.eventLoop().execute(this::timeout);
    }
  }

  /** Event loop: acts on a passed deadline. */
  void timeout() {
    long now = System.nanoTime();
    long w = writeDeadline;
    if (w != 0 && now - w >= 0) {
      channel.close();
      return;
    }
    long d = deadline;
    if (d == 0 || now - d < 0) {
      return;
    }
    deadline = 0;
    switch (phase) {
      case HEAD -> exchange.timedOut("request line and headers not received within "
          + front.headerTimeoutText() + " (headerTimeout)");
      case BODY -> exchange.timedOut("request body not received within "
          + front.bodyTimeoutText() + " (bodyTimeout)");
      default -> channel.close();
    }
  }

  private void updateAutoRead() {
    if (channel != null) {
      channel.config().setAutoRead(phase == Phase.LINGER || (!held && !unwritable));
    }
  }
}
