package io.github.zegoaiagent.client.internal;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/** The JDK {@code HttpClient} a client builds when none is supplied. Internal. */
public final class HttpClients {

  private HttpClients() { }

  /**
   * @param endpoint the base URL (https gets HTTP/2, plain http HTTP/1.1)
   * @param connectTimeout the connect timeout
   * @param executor the executor, or null for the JDK's
   * @param proxy the proxy selector, or null for none
   * @param sslContext the TLS context, or null for the default
   * @return a client that never follows redirects
   */
  public static HttpClient build(URI endpoint, Duration connectTimeout, Executor executor, ProxySelector proxy,
      SSLContext sslContext) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        // Plain-http HTTP/2 would send an h2c upgrade on every request; local mocks speak HTTP/1.1.
        .version("https".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
    if (executor != null) {
      b.executor(executor);
    }
    if (proxy != null) {
      b.proxy(proxy);
    }
    if (sslContext != null) {
      b.sslContext(sslContext);
    }
    return b.build();
  }
}
