package io.github.zegoaiagent.client.send;

import feign.Request;
import feign.http2client.Http2Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP transport: Feign over the JDK's {@link HttpClient} (no OkHttp, no Kotlin). */
public final class Transport {

  private Transport() { }

  /**
   * @param endpoint the base URL; https endpoints negotiate HTTP/2, plain http uses HTTP/1.1
   * @param connectTimeout connect timeout
   * @return the Feign client
   */
  public static feign.Client client(URI endpoint, Duration connectTimeout) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        // Plain-http HTTP/2 would send an h2c upgrade on every request; local mocks speak HTTP/1.1.
        .version("https".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
    return new Http2Client(http);
  }

  /**
   * @param connectTimeout connect timeout
   * @param readTimeout time to wait for the answer
   * @return Feign's per-request options
   */
  public static Request.Options options(Duration connectTimeout, Duration readTimeout) {
    return new Request.Options(connectTimeout, readTimeout, false);
  }
}
