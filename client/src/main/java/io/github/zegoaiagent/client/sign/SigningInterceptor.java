package io.github.zegoaiagent.client.sign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.List;

/**
 * Adds the five signed common parameters to every request attempt. Feign runs interceptors once
 * per attempt; existing values are removed first, so an attempt never carries two nonces or two
 * signatures.
 */
public final class SigningInterceptor implements RequestInterceptor {

  private final RequestSigner signer;

  /** @param signer the signer of this client */
  public SigningInterceptor(RequestSigner signer) {
    this.signer = signer;
  }

  @Override
  public void apply(RequestTemplate template) {
    SignedParameters p = signer.sign();
    set(template, "AppId", Long.toString(p.appId()));
    set(template, "SignatureNonce", p.nonce());
    set(template, "Timestamp", Long.toString(p.timestamp()));
    set(template, "Signature", p.signature());
    set(template, "SignatureVersion", SignedParameters.SIGNATURE_VERSION);
  }

  private static void set(RequestTemplate template, String name, String value) {
    template.query(name, List.of()); // an empty value list removes the parameter
    template.query(name, value);
  }
}
