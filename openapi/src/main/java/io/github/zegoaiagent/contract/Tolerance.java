package io.github.zegoaiagent.contract;

/**
 * The root {@code x-zego-tolerance}: how the service (and the mock) is more tolerant than the
 * schemas (ADR 0004).
 *
 * @param nullMeansAbsent a {@code null} optional property in a request counts as not sent
 * @param ignoreUnknownProperties {@code unknownProperties: ignored} (false for {@code refused})
 * @param legacyValues the extension naming accepted values besides {@code enum} ({@code x-zego-legacy})
 * @param openEnums answers and callbacks may carry enum values no schema lists
 */
public record Tolerance(boolean nullMeansAbsent, boolean ignoreUnknownProperties, String legacyValues,
    boolean openEnums) {
}
