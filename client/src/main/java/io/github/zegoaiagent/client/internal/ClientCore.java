package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.internal.transport.HttpTransport;
import io.github.zegoaiagent.client.internal.validate.RequestValidator;
import io.github.zegoaiagent.client.retry.Sleeper;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SignedParameters;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What every call of one client shares: endpoint, signer, validator, codec, transport, listeners.
 * Built once by the client builder; immutable. Internal.
 */
public final class ClientCore {

  private final String base;
  private final String peer;
  final RequestSigner signer;
  final RequestValidator validator;
  final EnvelopeDecoder codec;
  final HttpTransport transport;
  final Listeners listeners;
  final Sleeper sleeper;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param endpoint the base URL
   * @param signer the signer
   * @param validator the validator, or null when local validation is off
   * @param codec the JSON codec
   * @param transport the transport
   * @param listeners the listeners
   * @param sleeper how the sync client waits between attempts
   */
  public ClientCore(URI endpoint, RequestSigner signer, RequestValidator validator, EnvelopeDecoder codec,
      HttpTransport transport, Listeners listeners, Sleeper sleeper) {
    this.base = endpoint.toString().replaceAll("/+$", "");
    int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    this.peer = endpoint.getHost() + ":" + port;
    this.signer = signer;
    this.validator = validator;
    this.codec = codec;
    this.transport = transport;
    this.listeners = listeners;
    this.sleeper = sleeper;
  }

  /** @return {@code host:port} of the endpoint, for messages */
  String peer() {
    return peer;
  }

  /** @return the base URL, for messages (never a signed URL) */
  String base() {
    return base;
  }

  /** @return the signed URL of one attempt of an action, from its fresh signed parameters */
  URI signedUri(String action, SignedParameters p) {
    return URI.create(base + "/?Action=" + action + "&AppId=" + p.appId() + "&SignatureNonce=" + p.nonce()
        + "&Timestamp=" + p.timestamp() + "&Signature=" + p.signature()
        + "&SignatureVersion=" + SignedParameters.SIGNATURE_VERSION);
  }

  /** Releases the validator and, when the client built it, the HTTP client; once. */
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    if (validator != null) {
      validator.close();
    }
    transport.close();
  }

  /** One daemon thread for the async backoff of all clients in the JVM (deadlines: transport.Deadlines). */
  static final class Timer {
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "zego-aiagent-timer");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true); // answered calls leave no deadline task behind
      return s;
    }

    private Timer() { }
  }
}
