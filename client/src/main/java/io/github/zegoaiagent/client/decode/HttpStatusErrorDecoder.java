package io.github.zegoaiagent.client.decode;

import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Feign hands non-2xx answers here. The service documents every answer as HTTP 200 with a
 * {@code Code}, so any other status (typically from a proxy or load balancer) is a
 * {@link ZegoTransportException} carrying the status and the start of the body.
 */
public final class HttpStatusErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY_CHARS = 512;

  @Override
  public Exception decode(String methodKey, Response response) {
    String body = "";
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        body = Util.decodeOrDefault(in.readNBytes(MAX_BODY_CHARS * 4), Util.UTF_8, "(binary body)");
      } catch (IOException e) {
        body = "(unreadable body)";
      }
    }
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "…";
    }
    return new ZegoTransportException(Actions.fromUrl(response.request().url()),
        "HTTP " + response.status() + " instead of 200" + (body.isEmpty() ? "" : ": " + body),
        response.status(), true, null);
  }
}
