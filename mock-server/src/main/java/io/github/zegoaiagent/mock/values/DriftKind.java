package io.github.zegoaiagent.mock.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A way the service (or any target) differs from the contract, as the validating proxy and the
 * conformance suite classify it. Each kind has a wire name ({@link #wireName()}, e.g.
 * {@code extra-field}) used in {@code /_mock/drift}, recordings, the Markdown report and the
 * proxy's {@code X-Zego-Drift} answer header.
 */
public enum DriftKind {
  /** An answer (or callback) field the contract does not describe. */
  EXTRA_FIELD(Group.ANSWER, "a field the contract does not describe"),
  /** A value the field's {@code enum} does not list (nor its {@code x-zego-legacy}). */
  UNLISTED_ENUM_VALUE(Group.ANSWER, "a value the field's enum (and x-zego-legacy) does not list"),
  /** A field the contract requires is absent (or null). */
  MISSING_FIELD(Group.ANSWER, "a field the contract requires is absent"),
  /** A value of another JSON type than the contract's. */
  WRONG_TYPE(Group.ANSWER, "a value of another JSON type than the contract's"),
  /** A value outside a documented pattern, length or range. */
  CONSTRAINT_VIOLATED(Group.ANSWER, "a value outside a documented pattern, length or range"),
  /** A value outside a constraint the contract only assumes ({@code x-zego-assumed}): evidence for the contract. */
  ASSUMED_CONSTRAINT_VIOLATED(Group.ANSWER, "a value outside a constraint the contract only assumes (x-zego-assumed)"),
  /** A {@code Code} that {@code x-zego-return-codes} does not list. */
  UNDOCUMENTED_CODE(Group.ANSWER, "a Code that x-zego-return-codes does not list"),
  /** A documented {@code Code} the action's {@code x-zego-errors} does not list (and not {@code scope: all}). */
  CODE_NOT_LISTED_FOR_ACTION(Group.ANSWER, "a documented Code that the action's x-zego-errors does not list"),
  /** Not HTTP 200 with a JSON object: the envelope rule is broken. */
  NOT_AN_ENVELOPE(Group.ANSWER, "not HTTP 200 with a JSON object (every answer is an envelope)"),
  /** Code 0 for a request the contract's tolerant face refuses. */
  ACCEPTED_BUT_CONTRACT_REFUSES(Group.REQUEST, "Code 0 for a request the contract's tolerant face refuses"),
  /** 410000003 or 410000004 for a request the contract's tolerant face accepts. */
  REFUSED_BUT_CONTRACT_ACCEPTS(Group.REQUEST, "410000003 or 410000004 for a request the contract accepts"),
  /** Code 0 for an Action the contract does not list. */
  UNDOCUMENTED_ACTION(Group.REQUEST, "Code 0 for an Action the contract does not list"),
  /** No complete answer within the proxy's deadline (the client got HTTP 504). */
  SLOW_ANSWER(Group.TRANSPORT, "no complete answer within the proxy's deadline (HTTP 504 to the client)"),
  /** The connection ended before the answer was complete (the client got HTTP 502). */
  CLOSED_MID_ANSWER(Group.TRANSPORT, "the connection ended before the answer was complete (HTTP 502 to the client)"),
  /** An answer larger than the proxy accepts (the client got HTTP 502). */
  OVERSIZED_ANSWER(Group.TRANSPORT, "an answer larger than the proxy accepts (HTTP 502 to the client)"),
  /** The upstream could not be reached (the client got HTTP 502). */
  UPSTREAM_UNREACHABLE(Group.TRANSPORT, "the upstream could not be reached (HTTP 502 to the client)"),
  /** A callback whose Signature does not match the CallbackSecret given to the proxy. */
  CALLBACK_SIGNATURE_INVALID(Group.CALLBACK, "a callback whose Signature does not match the CallbackSecret given"),
  /** A callback whose Event the contract's CallbackEvent does not list. */
  UNKNOWN_CALLBACK_EVENT(Group.CALLBACK, "a callback whose Event the contract does not list");

  /** What a kind is about. */
  public enum Group {
    /** The answer (or a callback event's body). */
    ANSWER,
    /** Whether the request was accepted. */
    REQUEST,
    /** The exchange with the upstream itself. */
    TRANSPORT,
    /** A received callback. */
    CALLBACK
  }

  private final Group group;
  private final String meaning;

  DriftKind(Group group, String meaning) {
    this.group = group;
    this.meaning = meaning;
  }

  /** @return e.g. {@code extra-field} */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return what the kind is about */
  public Group group() {
    return group;
  }

  /** @return one line saying what the kind means */
  public String meaning() {
    return meaning;
  }

  /**
   * @param wireName e.g. {@code extra-field}
   * @return the kind
   * @throws IllegalArgumentException naming the value when no kind has that name
   */
  @JsonCreator
  public static DriftKind fromWireName(String wireName) {
    for (DriftKind k : values()) {
      if (k.wireName().equals(wireName)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no drift kind " + wireName);
  }
}
