package io.github.zegoaiagent.mock.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Reads one API exchange (body capped at the configured size), hands it to the pipeline and
 * writes the envelope with HTTP 200.
 */
public final class ApiHttpHandler implements HttpHandler {
  private final Function<RawRequest, byte[]> pipeline;
  private final int maxBodyBytes;
  private final Function<Throwable, byte[]> lastResort;

  /**
   * @param pipeline request → envelope bytes
   * @param maxBodyBytes largest body read
   * @param lastResort envelope for an unexpected failure outside the pipeline
   */
  public ApiHttpHandler(Function<RawRequest, byte[]> pipeline, int maxBodyBytes,
      Function<Throwable, byte[]> lastResort) {
    this.pipeline = pipeline;
    this.maxBodyBytes = maxBodyBytes;
    this.lastResort = lastResort;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    byte[] out;
    boolean tooLarge = false;
    try {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(maxBodyBytes + 1);
      }
      if (body.length > maxBodyBytes) {
        tooLarge = true;
        body = new byte[0];
      }
      out = pipeline.apply(new RawRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
          ex.getRequestURI().getRawQuery(), body, tooLarge));
    } catch (IOException | RuntimeException e) {
      out = lastResort.apply(e);
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      if (tooLarge) {
        // The rest of the body was not read: do not reuse this connection.
        ex.getResponseHeaders().set("Connection", "close");
      }
      if ("HEAD".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(200, -1);
      } else {
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    } finally {
      ex.close();
    }
  }
}
