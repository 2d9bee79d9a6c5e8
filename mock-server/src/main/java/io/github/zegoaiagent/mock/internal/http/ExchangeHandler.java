package io.github.zegoaiagent.mock.internal.http;

import io.netty.buffer.ByteBuf;
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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One connection's exchanges, one at a time: checks what {@link StrictRequestDecoder} passed
 * (HTTP version, Host, Transfer-Encoding, request target, Expect), collects the body up to the
 * cap, hands the request to the API or the control endpoint on the event loop (the pipeline is
 * short and bounded) and writes the answer: at once, or on a timer for an injected delay, with
 * reading paused meanwhile so answers stay in request order.
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
  private static final byte[] EMPTY = new byte[0];
  private static final int INITIAL_BODY = 64 * 1024;

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
  private byte[] body = EMPTY;
  private int bodyLength;
  private boolean tooLarge;
  private boolean held;
  private boolean closing;
  private boolean http10;
  private boolean closeAfterHeld;
  private ChannelHandlerContext context;

  ExchangeHandler(HttpFront front, ConnectionGuard guard, StrictRequestDecoder decoder) {
    this.front = front;
    this.guard = guard;
    this.decoder = decoder;
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
    super.channelInactive(ctx);
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
    append(c.content());
    if (tooLarge) {
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
    String problem = check(r);
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
    bodyLength = 0;
    tooLarge = false;
    long length = HttpUtil.getContentLength(r, -1L);
    // Sized by what arrives, not by what is announced: a slow client that claims 1 MiB and sends
    // nothing must not hold 1 MiB (at most 64 KiB until bytes come).
    body = length > 0 && length <= front.maxBodyBytes() ? new byte[(int) Math.min(length, INITIAL_BODY)] : EMPTY;
    if (length > front.maxBodyBytes()) {
      tooLarge = true;
      complete(ctx);
      return;
    }
    if (HttpUtil.is100ContinueExpected(r)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
          Unpooled.EMPTY_BUFFER, HEADERS, TRAILERS));
    }
  }

  /** @return why the head is refused (RFC 9112), or null */
  private static String check(HttpRequest r) {
    HttpVersion v = r.protocolVersion();
    if (v.majorVersion() != 1 || (v.minorVersion() != 0 && v.minorVersion() != 1)) {
      return "HTTP version " + v.text() + " is not served (HTTP/1.1 and HTTP/1.0 only)";
    }
    HttpHeaders h = r.headers();
    int hosts = h.getAll(HttpHeaderNames.HOST).size();
    if (hosts > 1) {
      return "more than one Host header";
    }
    if (hosts == 0 && v.minorVersion() == 1) {
      return "Host header missing (required in HTTP/1.1)";
    }
    if (hosts == 1 && !validHost(h.get(HttpHeaderNames.HOST))) {
      return "malformed Host header";
    }
    if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      var codings = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
      if (v.minorVersion() == 0) {
        return "Transfer-Encoding in an HTTP/1.0 request";
      }
      if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
        return "Transfer-Encoding " + clip(String.join(", ", codings)) + " is not served (chunked only)";
      }
    }
    String expect = h.get(HttpHeaderNames.EXPECT);
    if (expect != null && !expect.trim().equalsIgnoreCase("100-continue")) {
      return "417 expectation " + clip(expect) + " is not supported (100-continue only)";
    }
    String target = r.uri();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return "request target contains a byte that is not visible ASCII (percent-encode it)";
      }
    }
    return null;
  }

  private static boolean validHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void append(ByteBuf content) {
    int n = content.readableBytes();
    if (n == 0) {
      return;
    }
    if ((long) bodyLength + n > front.maxBodyBytes()) {
      tooLarge = true;
      return;
    }
    if (bodyLength + n > body.length) {
      body = Arrays.copyOf(body, Math.min(front.maxBodyBytes(), Math.max(bodyLength + n, body.length * 2)));
    }
    content.readBytes(body, bodyLength, n);
    bodyLength += n;
  }

  private void complete(ChannelHandlerContext ctx) {
    guard.requestDone();
    byte[] in = tooLarge ? EMPTY : bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
    body = EMPTY;
    boolean keep = keepAlive && !tooLarge;
    boolean isHead = head;
    if (!control && front.endpoints().api() instanceof Endpoints.Deferred later) {
      answerLater(ctx, later, new RawRequest(request.method().name(), rawPath, rawQuery, in, tooLarge), keep, isHead);
      return;
    }
    Answer a;
    try {
      if (control) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(4);
        for (String name : Endpoints.Control.HEADERS) {
          String v = request.headers().get(name);
          if (v != null) {
            headers.put(name, v);
          }
        }
        a = front.endpoints().control().answer(request.method().name(), rawPath,
            (InetSocketAddress) ctx.channel().remoteAddress(), headers, in, tooLarge);
      } else {
        a = front.endpoints().api().answer(new RawRequest(request.method().name(), rawPath, rawQuery, in, tooLarge));
      }
    } catch (RuntimeException e) {
      a = Answer.ok(front.endpoints().bug().apply(e));
    }
    request = null;
    if (a.delayMillis() > 0) {
      held = true;
      guard.hold(true);
      Answer delayed = a;
      Runnable release = () -> release(ctx, delayed, keep, isHead);
      Endpoints.Delayer delayer = front.endpoints().delayer();
      if (delayer != null) {
        delayer.after(a.delayMillis(), () -> ctx.executor().execute(release));
      } else {
        ctx.executor().schedule(release, a.delayMillis(), TimeUnit.MILLISECONDS);
      }
    } else {
      send(ctx, a.status(), a.body(), a.headers(), keep, isHead);
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
    body = EMPTY;
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
      ctx.writeAndFlush(resp, ctx.voidPromise());
      guard.idle(decoder.hasBufferedBytes() || !queued.isEmpty());
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
