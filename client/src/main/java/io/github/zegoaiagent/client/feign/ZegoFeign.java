package io.github.zegoaiagent.client.feign;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.Util;
import feign.codec.Encoder;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.internal.codec.Attempt;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SignedParameters;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What plain Feign needs to call the service through the generated bindings ({@code AgentsApiFeign},
 * {@code InstancesApiFeign}, {@code InstanceControlApiFeign}): a request interceptor that signs
 * every request afresh, the client's JSON encoder, and a response interceptor that reads the
 * envelope as strictly as {@code ZegoAiAgentClient} does (a non-zero {@code Code} is thrown as the
 * same {@code ZegoApiException}, not wrapped in a {@code DecodeException}). Needs {@code io.github.openfeign:feign-core} on your class path; the
 * client itself never loads Feign. {@code ZegoAiAgentClient} remains the recommended client
 * (deadline over the whole answer, validation, safe retries, async).
 *
 * <pre>{@code
 * AgentsApi agents = ZegoFeign.builder(new RequestSigner(appId, serverSecret, Clock.systemUTC()))
 *     .target(AgentsApiFeign.class, "https://aigc-aiagent-api.zegotech.cn");
 * }</pre>
 */
public final class ZegoFeign {

  private static final ObjectMapper MAPPER = JsonCodec.newMapper();
  private static final EnvelopeDecoder ENVELOPE = new EnvelopeDecoder(MAPPER);

  private ZegoFeign() { }

  /**
   * @param signer signs each request with a fresh nonce and the current Timestamp
   * @return a Feign builder with {@link #signing}, {@link #encoder()}, {@link #envelope()} and no
   *     retries (Feign's default retryer would repeat POSTs that may have taken effect)
   */
  public static Feign.Builder builder(RequestSigner signer) {
    return Feign.builder()
        .requestInterceptor(signing(signer))
        .encoder(encoder())
        .responseInterceptor(envelope())
        .retryer(Retryer.NEVER_RETRY);
  }

  /**
   * @param signer the signer
   * @return an interceptor adding AppId, SignatureNonce, Timestamp, Signature and SignatureVersion
   */
  public static RequestInterceptor signing(RequestSigner signer) {
    Objects.requireNonNull(signer, "signer");
    return template -> {
      SignedParameters p = signer.sign();
      template.query("AppId", Long.toString(p.appId()));
      template.query("SignatureNonce", p.nonce());
      template.query("Timestamp", Long.toString(p.timestamp()));
      template.query("Signature", p.signature());
      template.query("SignatureVersion", SignedParameters.SIGNATURE_VERSION);
    };
  }

  /** @return an encoder writing request bodies as the client does (unset fields omitted) */
  public static Encoder encoder() {
    return (object, bodyType, template) -> template.body(ENVELOPE.encode(object), StandardCharsets.UTF_8);
  }

  /**
   * @return a response interceptor that decodes every answer (any HTTP status) as the client does:
   *     the typed answer of a {@code Code} 0, else the client's exception, thrown as is
   */
  public static ResponseInterceptor envelope() {
    return (context, chain) -> decode(context.response(), context.returnType());
  }

  private static Object decode(Response response, Type type) throws IOException {
    if (!(type instanceof Class<?> cls)) {
      throw new IllegalArgumentException("the generated bindings return plain classes, not " + type);
    }
    byte[] body = response.body() == null ? new byte[0] : Util.toByteArray(response.body().asInputStream());
    Request request = response.request();
    URI url = URI.create(request.url());
    Map<String, Collection<String>> query = request.requestTemplate().queries();
    String action = first(query.get("Action"), "?");
    long timestamp = Long.parseLong(first(query.get("Timestamp"), "0"));
    Attempt attempt = new Attempt(action, 1, 1, timestamp, url.getScheme() + "://" + url.getRawAuthority());
    return ENVELOPE.decode(cls, new Answer(response.status(), headers(response.headers()), body), attempt).value();
  }

  private static HttpHeaders headers(Map<String, Collection<String>> feign) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    feign.forEach((name, values) -> map.put(name, new ArrayList<>(values)));
    return HttpHeaders.of(map, (name, value) -> true);
  }

  private static String first(Collection<String> values, String otherwise) {
    return values == null || values.isEmpty() ? otherwise : values.iterator().next();
  }
}
