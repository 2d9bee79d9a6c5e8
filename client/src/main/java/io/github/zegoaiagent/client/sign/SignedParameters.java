package io.github.zegoaiagent.client.sign;

/**
 * The signed common query parameters of one request attempt.
 *
 * @param appId the AppId
 * @param nonce the SignatureNonce (16 lowercase hex characters)
 * @param timestamp the Timestamp, Unix seconds
 * @param signature the Signature (32 lowercase hex characters)
 */
public record SignedParameters(long appId, String nonce, long timestamp, String signature) {

  /** The signature version this client implements. */
  public static final String SIGNATURE_VERSION = "2.0";

  /** Never prints the signature: with the nonce and timestamp it is a replayable credential. */
  @Override
  public String toString() {
    return "SignedParameters[appId=" + appId + ", nonce=" + nonce + ", timestamp=" + timestamp + ", signature=***]";
  }
}
