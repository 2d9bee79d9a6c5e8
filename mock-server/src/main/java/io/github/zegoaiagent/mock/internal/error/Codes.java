package io.github.zegoaiagent.mock.internal.error;

/**
 * Return codes the mock produces, named as in the contract's {@code x-zego-return-codes}.
 *
 * <p>The numbers are the wire values; {@code CodesTest} checks each one exists in the packaged
 * spec under the same name, so a renamed or removed code fails the build.
 */
public final class Codes {
  public static final int SUCCESS = 0;
  public static final int APP_ID_INVALID = 100000001;
  public static final int TIMESTAMP_EMPTY = 100000002;
  public static final int TIMESTAMP_INVALID = 100000003;
  public static final int SIGNATURE_EXPIRED = 100000004;
  public static final int SIGNATURE_WRONG = 100000005;
  public static final int ACTION_EMPTY = 100000006;
  public static final int ACTION_UNSUPPORTED = 100000007;
  public static final int SIGNATURE_NONCE_EMPTY = 100000008;
  public static final int SIGNATURE_EMPTY = 100000009;
  public static final int SERVER_SECRET_UNAVAILABLE = 100000010;
  public static final int BODY_UNREADABLE = 100000012;
  public static final int SIGNATURE_VERSION_EMPTY = 100000013;
  public static final int SIGNATURE_VERSION_UNSUPPORTED = 100000014;
  public static final int GATEWAY_INTERNAL_ERROR = 100000015;
  public static final int SYSTEM_ERROR = 410000001;
  public static final int INVALID_PARAMETER = 410000003;
  public static final int JSON_PARSE_FAILED = 410000004;
  public static final int INSTANCE_CONCURRENCY_LIMIT = 410000011;
  public static final int DIGITAL_HUMAN_PARAMETER_INVALID = 410000014;
  public static final int INSTANCE_NOT_FOUND = 410001002;
  public static final int TRIGGER_LLM_FAILED = 410001006;
  public static final int TRIGGER_TTS_FAILED = 410001007;
  public static final int AGENT_ALREADY_EXISTS = 410001008;
  public static final int AGENT_NOT_FOUND = 410001009;
  public static final int INSTANCE_UPDATE_FAILED = 410001011;
  public static final int AGENT_LISTENING = 410001013;
  public static final int RATE_LIMITED = 410001029;
  public static final int DIGITAL_HUMAN_STREAM_ID_DUPLICATE = 410001030;
  public static final int DIGITAL_HUMAN_CONCURRENCY_LIMIT = 410001031;
  public static final int INSTANCE_SHUTTING_DOWN = 410001041;
  public static final int NOT_WALKIE_TALKIE = 410001042;
  public static final int SEQUENCE_OUTDATED = 410001043;
  public static final int START_LISTENING_FAILED = 410001044;
  public static final int STOP_LISTENING_FAILED = 410001045;
  public static final int USER_NOT_PUBLISHING = 410001046;
  public static final int LLM_TEST_URL_NOT_ALLOWED = 410001047;
  public static final int LIVE_DIGITAL_HUMAN_CONTROL_FORBIDDEN = 410001049;

  private Codes() {
  }
}
