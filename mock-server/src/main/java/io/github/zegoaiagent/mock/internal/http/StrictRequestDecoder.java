package io.github.zegoaiagent.mock.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's HTTP/1.1 request decoder plus what RFC 9112 asks and Netty 4.1 lets through:
 * obs-fold (a header line starting with a space or tab, which Netty silently joins to the
 * previous value) and NUL bytes anywhere in the head are refused. Netty itself already refuses
 * bare LF line ends, invalid header names and values, a malformed, duplicated or signed
 * Content-Length, Content-Length together with Transfer-Encoding, a final coding other than
 * chunked and malformed chunk sizes, extensions and terminators.
 *
 * <p>After the first framing error the decoder never decodes another byte of the connection:
 * what follows a malformed request can never run as a request.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  private boolean broken;
  /** true while the head (request line and header section) of a request is expected */
  private boolean inHead = true;
  /** bytes after the reader index already scanned for the current head */
  private int scanned;
  private boolean atLineStart = true;
  private int lineLength;
  private boolean sawContent;
  private boolean lastWasCr;

  StrictRequestDecoder(HttpDecoderConfig config) {
    super(config);
  }

  /** @return whether bytes of a next request wait in the decoder */
  boolean hasBufferedBytes() {
    return actualReadableBytes() > 0;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (broken) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (inHead) {
      String problem = scanHead(in);
      if (problem != null) {
        broken = true;
        in.skipBytes(in.readableBytes());
        DefaultHttpRequest bad = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(problem)));
        out.add(bad);
        return;
      }
    }
    int before = out.size();
    int reader = in.readerIndex();
    super.decode(ctx, in, out);
    scanned = Math.max(0, scanned - (in.readerIndex() - reader));
    for (int i = before; i < out.size(); i++) {
      Object o = out.get(i);
      if (o instanceof HttpObject h && h.decoderResult().isFailure()) {
        broken = true;
      }
      if (o instanceof HttpRequest) {
        inHead = false;
      }
      if (o instanceof LastHttpContent) {
        inHead = true;
        scanned = 0;
        atLineStart = true;
        lineLength = 0;
        sawContent = false;
        lastWasCr = false;
      }
    }
  }

  /** @return a problem of the head seen so far, or null */
  private String scanHead(ByteBuf in) {
    int start = in.readerIndex() + scanned;
    int end = in.writerIndex();
    for (int p = start; p < end; p++) {
      byte b = in.getByte(p);
      if (b == 0) {
        return "NUL byte in the request line or headers";
      }
      if (lastWasCr && b != '\n') {
        return "bare CR in the request line or headers";
      }
      lastWasCr = b == '\r';
      if (atLineStart && sawContent && (b == ' ' || b == '\t')) {
        return "header line starts with whitespace (obs-fold is not accepted, RFC 9112 section 5.2)";
      }
      if (b == '\n') {
        if (lineLength == 0 && sawContent) {
          // End of the header section: the body (if any) is not scanned.
          scanned = p + 1 - in.readerIndex();
          atLineStart = true;
          inHead = false;
          return null;
        }
        atLineStart = true;
        lineLength = 0;
        continue;
      }
      atLineStart = false;
      if (b != '\r') {
        lineLength++;
        sawContent = true;
      }
    }
    scanned = end - in.readerIndex();
    return null;
  }
}
