package io.github.zegoaiagent.mock.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One connection's exchanges, one at a time: checks what {@link StrictRequestDecoder} passed
 * (HTTP version, Host, Transfer-Encoding, request target, Expect), collects the body up to the
 * cap (charged to the memory budget while it grows), hands the request to the API or the control
 * endpoint and writes the answer: at once, or on a timer for an injected delay, with reading
 * paused meanwhile so answers stay in request order. Short requests are answered on the event
 * loop; a large body, or a control call that may wait, is answered on the worker, so the loop's
 * other connections never wait for it.
 *
 * <p>Every refusal is answered with the status of the module README's "Every answer" table and
 * the mock's envelope, and ends the connection ({@link ConnectionGuard#linger()}).
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
  private static final AsciiString JSON = AsciiString.cached("application/json; charset=utf-8");
  private static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

  private final HttpFront front;
  private final ConnectionGuard guard;
  private final StrictRequestDecoder decoder;
  /** Decoded messages that arrived while an answer was held back. */
  private final ArrayDeque<Object> queued = new ArrayDeque<>();

  private HttpRequest request;
  private boolean keepAlive;
  private boolean control;
  private boolean head;
  private String rawPath;
  private String rawQuery;
  private final BodyBuffer body;
  private boolean held;
  private boolean closing;
  private boolean http10;
  private boolean closeAfterHeld;
  private ChannelHandlerContext context;

  ExchangeHandler(HttpFront front, ConnectionGuard guard, StrictRequestDecoder decoder) {
    this.front = front;
    this.guard = guard;
    this.decoder = decoder;
    this.body = new BodyBuffer(front.maxBodyBytes(), front.endpoints().budget());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (held) {
      queued.add(msg);
      return;
    }
    try {
      handle(ctx, msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      // The client sent all it will send. Answers already computed are written; a held-back
      // one is still sent, then the connection closes.
      if (held) {
        closeAfterHeld = true;
      } else if (request != null && !closing) {
        refuse(ctx, 400, "the client ended the connection before the end of the request body");
      } else if (!closing || ctx.channel() instanceof io.netty.channel.socket.SocketChannel sc && sc.isOutputShutdown()) {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Failures of the transport or of a handler of this connection: it ends; nothing else is touched.
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    queued.forEach(ReferenceCountUtil::release);
    queued.clear();
    body.close();
    super.channelInactive(ctx);
  }

  /** Like a body over the cap: HTTP 200, envelope 100000012, the rest not read, connection closed. */
  private void noRoom(ChannelHandlerContext ctx) {
    refuse(ctx, 200, "the request body cannot be read: " + front.endpoints().budget().refusal()
        + "; try again once memory is freed (delete instances, POST /_mock/reset)");
  }

  private void handle(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest r) {
      begin(ctx, r);
    }
    if (closing || request == null || !(msg instanceof HttpContent c)) {
      return;
    }
    if (c.decoderResult().isFailure()) {
      refuse(ctx, 400, "malformed chunked body: " + reason(c.decoderResult().cause()));
      return;
    }
    if (!body.append(c.content())) {
      noRoom(ctx);
      return;
    }
    if (body.tooLarge()) {
      // The rest is not read: answer now (after the gateway checks) and end the connection.
      complete(ctx);
      return;
    }
    if (c instanceof LastHttpContent) {
      complete(ctx);
    }
  }

  private void begin(ChannelHandlerContext ctx, HttpRequest r) {
    if (r.decoderResult().isFailure()) {
      Throwable cause = r.decoderResult().cause();
      String name = cause.getClass().getSimpleName();
      int status = name.equals("TooLongHttpLineException") ? 414
          : name.equals("TooLongHttpHeaderException") ? 431 : 400;
      refuse(ctx, status, status == 414 ? "request line longer than " + front.limits().maxRequestLineBytes() + " bytes"
          : status == 431 ? "header section larger than " + front.limits().maxHeaderBytes() + " bytes"
          : "malformed request: " + reason(cause));
      return;
    }
    String problem = HeadCheck.refusal(r);
    if (problem != null) {
      refuse(ctx, problem.startsWith("417 ") ? 417 : 400, problem.startsWith("417 ") ? problem.substring(4) : problem);
      return;
    }
    guard.headDone();
    request = r;
    keepAlive = HttpUtil.isKeepAlive(r);
    http10 = r.protocolVersion().minorVersion() == 0;
    head = "HEAD".equals(r.method().name());
    String target = r.uri();
    if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
      int slash = target.indexOf('/', target.indexOf("//") + 2);
      target = slash < 0 ? "/" : target.substring(slash);
    }
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    int q = target.indexOf('?');
    rawPath = q < 0 ? target : target.substring(0, q);
    rawQuery = q < 0 ? null : target.substring(q + 1);
    control = front.endpoints().control() != null && rawPath.startsWith(front.endpoints().controlPrefix());
    if (!body.begin(HttpUtil.getContentLength(r, -1L))) {
      noRoom(ctx);
      return;
    }
    if (body.tooLarge()) {
      complete(ctx);
      return;
    }
    if (HttpUtil.is100ContinueExpected(r)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
          Unpooled.EMPTY_BUFFER, HEADERS, TRAILERS));
    }
  }

  private void complete(ChannelHandlerContext ctx) {
    guard.requestDone();
    boolean large = body.tooLarge();
    byte[] in = body.take();
    boolean keep = keepAlive && !large;
    boolean isHead = head;
    if (!control && front.endpoints().api() instanceof Endpoints.Deferred later) {
      answerLater(ctx, later, new RawRequest(request.method().name(), rawPath, rawQuery, in, large), keep, isHead);
      body.release();
      return;
    }
    HttpRequest r = request;
    boolean isControl = control;
    String path = rawPath;
    String query = rawQuery;
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    request = null;
    Endpoints e = front.endpoints();
    boolean mayWait = isControl ? e.control().mayWait(r.method().name(), path) : in.length >= Endpoints.WORKER_BODY_BYTES;
    if (mayWait && e.worker() != null) {
      // Answered on the worker; reading pauses meanwhile, so answers stay in request order.
      held = true;
      guard.hold(true);
      try {
        e.worker().execute(() -> {
          Answer a = answer(r, isControl, path, query, remote, in, large);
          ctx.executor().execute(() -> {
            body.release();
            held = false;
            guard.hold(false);
            if (ctx.channel().isActive()) {
              deliver(ctx, a, keep && !closeAfterHeld, isHead);
            }
          });
        });
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        held = false;
        guard.hold(false);
        body.release();
        deliver(ctx, Answer.ok(e.bug().apply(stopping)), false, isHead);
      }
      return;
    }
    Answer a = answer(r, isControl, path, query, remote, in, large);
    body.release();
    deliver(ctx, a, keep, isHead);
  }

  private Answer answer(HttpRequest r, boolean isControl, String path, String query, InetSocketAddress remote,
      byte[] in, boolean large) {
    try {
      if (isControl) {
        return front.endpoints().control().answer(r.method().name(), query == null ? path : path + "?" + query, remote,
            Endpoints.Control.headers(r.headers()::get), in, large);
      }
      return front.endpoints().api().answer(new RawRequest(r.method().name(), path, query, in, large));
    } catch (RuntimeException ex) {
      return Answer.ok(front.endpoints().bug().apply(ex));
    }
  }

  /** Writes the answer at once, or holds it back for its delay (reading paused meanwhile). */
  private void deliver(ChannelHandlerContext ctx, Answer a, boolean keep, boolean isHead) {
    if (a.delayMillis() > 0) {
      held = true;
      guard.hold(true);
      Runnable release = () -> release(ctx, a, keep, isHead);
      Endpoints.Delayer delayer = front.endpoints().delayer();
      if (delayer != null) {
        delayer.after(a.delayFromMillis(), a.delayMillis(), () -> ctx.executor().execute(release));
      } else {
        ctx.executor().schedule(release, a.delayMillis(), TimeUnit.MILLISECONDS);
      }
    } else {
      send(ctx, a.status(), a.body(), a.headers(), keep, isHead);
      drain(ctx);
    }
  }

  /** Holds the connection until the deferred answer arrives, then writes it on the event loop. */
  private void answerLater(ChannelHandlerContext ctx, Endpoints.Deferred later, RawRequest raw, boolean keep,
      boolean isHead) {
    java.util.List<java.util.Map.Entry<String, String>> headers = new java.util.ArrayList<>();
    request.headers().forEach(headers::add);
    request = null;
    held = true;
    guard.hold(true);
    java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.function.Consumer<Answer> done = a -> {
      if (answered.compareAndSet(false, true)) {
        ctx.executor().execute(() -> release(ctx, a, keep, isHead));
      }
    };
    try {
      later.answerLater(raw, headers, done);
    } catch (RuntimeException e) {
      done.accept(Answer.ok(front.endpoints().bug().apply(e)));
    }
  }

  /** Writes an answer that was held back, then reads on. */
  private void release(ChannelHandlerContext ctx, Answer a, boolean keep, boolean isHead) {
    if (!ctx.channel().isActive()) {
      return;
    }
    send(ctx, a.status(), a.body(), a.headers(), keep && !closeAfterHeld, isHead);
    held = false;
    guard.hold(false);
    drain(ctx);
  }

  private void drain(ChannelHandlerContext ctx) {
    while (!held && !closing && !queued.isEmpty()) {
      Object msg = queued.poll();
      try {
        handle(ctx, msg);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  /** A head or body that did not arrive in time (called by the guard). */
  void timedOut(String message) {
    if (context != null && !closing) {
      refuse(context, 408, message);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  private void refuse(ChannelHandlerContext ctx, int status, String message) {
    request = null;
    body.release();
    send(ctx, status, front.endpoints().frontError().apply(message), java.util.Map.of(), false, false);
  }

  private void send(ChannelHandlerContext ctx, int status, byte[] out, java.util.Map<String, String> extra,
      boolean keep, boolean isHead) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), isHead ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(out),
        HEADERS, TRAILERS);
    HttpHeaders h = resp.headers();
    extra.forEach(h::set);
    if (!h.contains(HttpHeaderNames.CONTENT_TYPE)) {
      h.set(HttpHeaderNames.CONTENT_TYPE, JSON); // the dashboard's files bring their own
    }
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, out.length);
    if (keep) {
      if (http10) {
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
      // Idle from before the answer leaves: a client that reads it and then uses another
      // connection must find this one idle the longer of the two (the oldest idle is closed first).
      guard.idle(decoder.hasBufferedBytes() || !queued.isEmpty());
      ctx.writeAndFlush(resp, ctx.voidPromise());
    } else {
      closing = true;
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      guard.linger();
      ctx.writeAndFlush(resp).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess()) {
          guard.answerSent();
        } else {
          f.channel().close();
        }
      });
    }
  }

  private static String reason(Throwable t) {
    String m = t.getMessage();
    return clip(m == null ? t.getClass().getSimpleName() : m);
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
