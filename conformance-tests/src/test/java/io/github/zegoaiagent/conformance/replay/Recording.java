package io.github.zegoaiagent.conformance.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import io.github.zegoaiagent.mock.values.RecordingHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording the validating proxy wrote ({@code --record}): its header line, then one exchange or
 * callback per line. Only the format and version this build writes are read; anything else is
 * refused with a message saying what the file is.
 *
 * @param source where it came from, for messages
 * @param header the first line
 * @param lines the exchanges and callbacks, in order
 */
public record Recording(String source, RecordingHeader header, List<RecordedExchange> lines) {
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  /** Copies the list. */
  public Recording {
    lines = List.copyOf(lines);
  }

  /**
   * @param file a recording
   * @return it
   * @throws IllegalArgumentException naming the file and line when it is not a recording this suite reads
   */
  public static Recording read(Path file) {
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recording " + file, e);
    }
  }

  /**
   * @param source what to call it in messages
   * @param text its lines
   * @return it
   */
  public static Recording parse(String source, List<String> text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty: a recording starts with its header line");
    }
    RecordingHeader header;
    try {
      header = JSON.readValue(text.get(0), RecordingHeader.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(source + ":1 is not a recording header (" + e.getOriginalMessage() + ")", e);
    }
    if (!RecordingHeader.FORMAT.equals(header.format())) {
      throw new IllegalArgumentException(source + " is not a recording of the validating proxy (format "
          + header.format() + ", expected " + RecordingHeader.FORMAT + ")");
    }
    if (header.version() != RecordingHeader.VERSION) {
      throw new IllegalArgumentException(source + " is version " + header.version() + " of the recording format; this "
          + "build reads version " + RecordingHeader.VERSION + " (record it again with this build's proxy)");
    }
    List<RecordedExchange> lines = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      if (text.get(i).isBlank()) {
        continue;
      }
      try {
        lines.add(JSON.readValue(text.get(i), RecordedExchange.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + " is not a recorded exchange ("
            + e.getOriginalMessage() + ")", e);
      }
    }
    return new Recording(source, header, lines);
  }

  /** @return the API exchanges that can be replayed: a JSON request and a JSON envelope answer */
  public List<RecordedExchange> replayable() {
    return lines.stream().filter(x -> x.isExchange() && x.action() != null && x.body() != null && x.answer() != null
        && x.answer().isObject() && x.answer().has("Code")).toList();
  }
}
