package io.github.zegoaiagent.client.core;

import java.util.List;

/**
 * An enum-typed value of the contract that stays open: every generated enum type (for example
 * {@code TTS.VendorEnum}, {@code AgentStatus}) implements it. Answers and callbacks decode any
 * value, listed or not, and keep it as it was on the wire; requests refuse an unlisted value
 * locally unless it was made with the type's {@code unlisted(value)} (see
 * {@code docs/adr/0004-two-faces-of-the-contract.md}).
 *
 * <p>Values compare equal by their wire value. The listed constants are singletons, so {@code ==}
 * against a constant works for decoded values too; a {@code switch} needs {@link #value()}.
 *
 * @param <T> the wire type: {@code String} or {@code Integer}
 */
public interface OpenEnum<T> {

  /** Where a value stands in the contract. */
  enum Kind {
    /** Listed in the schema's {@code enum}. */
    LISTED,
    /** Listed under the property's {@code x-zego-legacy}: still accepted, deprecated. */
    LEGACY,
    /** Not in the contract, decoded from an answer or callback (or built with {@code fromValue}). */
    UNLISTED,
    /** Not in the contract, made with {@code unlisted(value)} to be sent anyway. */
    UNLISTED_ON_PURPOSE
  }

  /** @return the value exactly as on the wire */
  T value();

  /** @return where the value stands in the contract */
  Kind kind();

  /** @return the listed and legacy values of this type, in contract order */
  List<T> listedValues();

  /** @return true when the contract lists the value (as current or legacy) */
  default boolean isKnown() {
    return kind() == Kind.LISTED || kind() == Kind.LEGACY;
  }

  /** @return true for a deprecated value the service still accepts */
  default boolean isLegacy() {
    return kind() == Kind.LEGACY;
  }

  /** @return true when the client's local validation lets the value into a request */
  default boolean isAllowedInRequests() {
    return kind() != Kind.UNLISTED;
  }
}
