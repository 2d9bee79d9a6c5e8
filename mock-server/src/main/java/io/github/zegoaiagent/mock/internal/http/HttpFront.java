package io.github.zegoaiagent.mock.internal.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front (ADR 0002): Netty's NIO transport and HTTP/1.1 codec, shaded and relocated
 * inside the mock's jar. Per connection: {@link ConnectionGuard} (deadlines, bound, linger) →
 * {@link StrictRequestDecoder} (RFC 9112 framing) → {@link ExchangeHandler} (checks, body cap,
 * endpoint, answer). No thread ever waits for a client: a slow or silent connection costs a few
 * KiB of buffers until its deadline, and an injected delay is a timer.
 */
public final class HttpFront implements AutoCloseable {
  static {
    // JDK 24+ warns on stderr when sun.misc.Unsafe's memory methods are used (JEP 498); Netty 4.1
    // then uses its portable paths instead. The literal is relocated with Netty by the shade
    // plugin, so it names the mock's own copy of Netty only.
    String noUnsafe = "io.netty.noUnsafe";
    if (Runtime.version().feature() >= 24 && System.getProperty(noUnsafe) == null) {
      System.setProperty(noUnsafe, "true");
    }
  }

  private final FrontLimits limits;
  private final Endpoints endpoints;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel server;
  private final Set<ConnectionGuard> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final ScheduledFuture<?> sweeper;
  private final long headerNanos;
  private final long bodyNanos;
  private final long idleNanos;

  /**
   * Binds and starts serving.
   *
   * @param bindAddress address to bind
   * @param port port, 0 for any free one
   * @param threads event-loop threads
   * @param limits timeouts and bounds
   * @param endpoints what requests are handed to
   * @throws IOException when the port cannot be bound
   */
  public HttpFront(String bindAddress, int port, int threads, FrontLimits limits,
      Endpoints endpoints) throws IOException {
    this.limits = limits;
    this.endpoints = endpoints;
    this.headerNanos = limits.headerTimeout().toNanos();
    this.bodyNanos = limits.bodyTimeout().toNanos();
    this.idleNanos = limits.idleTimeout().toNanos();
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("zego-mock-accept", true));
    workers = new NioEventLoopGroup(threads, new DefaultThreadFactory("zego-mock-http", true));
    HttpDecoderConfig decoding = new HttpDecoderConfig()
        .setMaxInitialLineLength(limits.maxRequestLineBytes())
        .setMaxHeaderSize(limits.maxHeaderBytes())
        .setMaxChunkSize(64 * 1024)
        .setValidateHeaders(true)
        .setAllowDuplicateContentLengths(false)
        .setAllowPartialChunks(true);
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // A client that half-closes after its request still gets its answer (ExchangeHandler).
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ConnectionGuard guard = new ConnectionGuard(HttpFront.this);
            StrictRequestDecoder decoder = new StrictRequestDecoder(decoding);
            ExchangeHandler exchange = new ExchangeHandler(HttpFront.this, guard, decoder);
            guard.exchange(exchange);
            ChannelPipeline p = ch.pipeline();
            p.addLast("guard", guard);
            p.addLast("encoder", new HttpResponseEncoder());
            p.addLast("decoder", decoder);
            p.addLast("exchange", exchange);
          }
        });
    try {
      server = b.bind(new InetSocketAddress(bindAddress, port)).syncUninterruptibly().channel();
    } catch (Exception e) {
      shutdownGroups();
      if (e instanceof IOException io) {
        throw io;
      }
      throw new BindException("cannot bind " + bindAddress + ":" + port + ": " + e.getMessage());
    }
    long tick = Math.max(10, Math.min(250, Math.min(limits.headerTimeout().toMillis(),
        Math.min(limits.bodyTimeout().toMillis(), limits.idleTimeout().toMillis())) / 10));
    sweeper = boss.next().scheduleAtFixedRate(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** @return the bound port */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** @return connections open now */
  public int openConnections() {
    return connections.get();
  }

  /** Stops accepting, lets exchanges in progress finish (at most about 1 s), stops the loops. */
  @Override
  public void close() {
    sweeper.cancel(false);
    server.close().syncUninterruptibly();
    shutdownGroups();
  }

  private void shutdownGroups() {
    var a = boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    var w = workers.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS);
    a.awaitUninterruptibly(2, TimeUnit.SECONDS);
    w.awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  private void sweep() {
    long now = System.nanoTime();
    for (ConnectionGuard g : live) {
      if (g.expired(now)) {
        g.eventLoopExecute();
      }
    }
  }

  /**
   * Counts a new connection in. At the bound, the connection idle the longest between requests
   * is closed to make room (keep-alive connections nobody uses must not lock new callers out);
   * without an idle one the new connection is refused. The count may pass the bound by the idle
   * connections being closed at that moment.
   *
   * @return whether the connection is served
   */
  boolean admit(ConnectionGuard g) {
    if (connections.incrementAndGet() > limits.maxConnections() && !evictOldestIdle()) {
      connections.decrementAndGet();
      return false;
    }
    live.add(g);
    return true;
  }

  /** An idle connection and since when it is idle, as one scan saw it. */
  private record Idle(long since, ConnectionGuard guard) {
  }

  private static final int EVICT_BATCH = 64;
  /** Idle connections to close next, oldest first, refilled by one scan for up to {@link #EVICT_BATCH}. */
  private final ArrayDeque<Idle> evictable = new ArrayDeque<>();

  private synchronized boolean evictOldestIdle() {
    for (int pass = 0; pass < 2; pass++) {
      while (!evictable.isEmpty()) {
        Idle e = evictable.pollFirst();
        if (e.guard().idleSince() == e.since() && live.contains(e.guard())) {
          e.guard().evictIfIdleSince(e.since());
          return true;
        }
      }
      refillEvictable();
    }
    return false;
  }

  /** One scan of the open connections for the oldest idle ones (amortized over a batch of admissions). */
  private void refillEvictable() {
    PriorityQueue<Idle> newestFirst = new PriorityQueue<>(Comparator.comparingLong(Idle::since).reversed());
    for (ConnectionGuard g : live) {
      long since = g.idleSince();
      if (since != 0) {
        newestFirst.add(new Idle(since, g));
        if (newestFirst.size() > EVICT_BATCH) {
          newestFirst.poll(); // keep the oldest ones
        }
      }
    }
    List<Idle> oldest = new ArrayList<>(newestFirst);
    oldest.sort(Comparator.comparingLong(Idle::since));
    evictable.addAll(oldest);
  }

  void release(ConnectionGuard g) {
    live.remove(g);
    connections.decrementAndGet();
  }

  FrontLimits limits() {
    return limits;
  }

  int maxBodyBytes() {
    return limits.maxBodyBytes();
  }

  Endpoints endpoints() {
    return endpoints;
  }

  long headerTimeoutNanos() {
    return headerNanos;
  }

  long bodyTimeoutNanos() {
    return bodyNanos;
  }

  long idleTimeoutNanos() {
    return idleNanos;
  }

  String headerTimeoutText() {
    return text(limits.headerTimeout());
  }

  String bodyTimeoutText() {
    return text(limits.bodyTimeout());
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
