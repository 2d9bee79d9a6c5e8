package io.github.zegoaiagent.contract;

/**
 * One {@code x-zego-legacy} entry: a value the service still accepts besides the schema's {@code enum}.
 *
 * @param schema JSON pointer of the enum schema carrying it, e.g. {@code /components/schemas/TTS/properties/Vendor}
 * @param value the legacy value
 * @param note why it is legacy and what replaces it
 */
public record LegacyValue(String schema, String value, String note) {
}
