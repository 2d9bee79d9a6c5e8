package io.github.zegoaiagent.contract;

import java.util.List;

/**
 * The root {@code x-zego-tolerance}: how the service (and the mock) is more tolerant than the
 * schemas (ADR 0004).
 *
 * @param nullMeansAbsent a {@code null} optional property in a request counts as not sent
 * @param ignoreUnknownProperties {@code unknownProperties: ignored} (false for {@code refused})
 * @param legacyValues the extension naming accepted values besides {@code enum} ({@code x-zego-legacy})
 * @param openEnums answers and callbacks may carry enum values no schema lists
 * @param caseInsensitiveValues JSON pointers of the string enums whose values the service
 *     compares without regard to case ({@code caseInsensitiveValues}; empty when not stated)
 */
public record Tolerance(boolean nullMeansAbsent, boolean ignoreUnknownProperties, String legacyValues,
    boolean openEnums, List<String> caseInsensitiveValues) {

  /** Copies the list. */
  public Tolerance {
    caseInsensitiveValues = List.copyOf(caseInsensitiveValues);
  }

  /**
   * The four rules without case-insensitive enums.
   *
   * @param nullMeansAbsent see the record
   * @param ignoreUnknownProperties see the record
   * @param legacyValues see the record
   * @param openEnums see the record
   */
  public Tolerance(boolean nullMeansAbsent, boolean ignoreUnknownProperties, String legacyValues, boolean openEnums) {
    this(nullMeansAbsent, ignoreUnknownProperties, legacyValues, openEnums, List.of());
  }
}
