package io.github.zegoaiagent.conformance.raw;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** How to spoil the signed query of a raw request, for gateway tests. Mutable, one per request. */
public final class Tamper {

  final Set<String> omitted = new HashSet<>();
  final Map<String, String> overrides = new HashMap<>();
  long timestampOffsetSeconds;
  boolean wrongSignature;
  String nonce;

  /** @return no tampering */
  public static Tamper none() {
    return new Tamper();
  }

  /**
   * @param parameter a query parameter to leave out (Action, AppId, SignatureNonce, ...)
   * @return this
   */
  public Tamper omit(String parameter) {
    omitted.add(parameter);
    return this;
  }

  /**
   * Sets a parameter after signing (the signature is computed from the untampered values).
   *
   * @param parameter the parameter
   * @param value its value
   * @return this
   */
  public Tamper set(String parameter, String value) {
    overrides.put(parameter, value);
    return this;
  }

  /**
   * @param seconds how far the Timestamp is from now (signed consistently)
   * @return this
   */
  public Tamper timestampOffset(long seconds) {
    this.timestampOffsetSeconds = seconds;
    return this;
  }

  /**
   * @param value the SignatureNonce to send and sign with (instead of 16 random hex characters)
   * @return this
   */
  public Tamper nonce(String value) {
    this.nonce = value;
    return this;
  }

  /** @return this, with a signature that does not match */
  public Tamper wrongSignature() {
    this.wrongSignature = true;
    return this;
  }
}
