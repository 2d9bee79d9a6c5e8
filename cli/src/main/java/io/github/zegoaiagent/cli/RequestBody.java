package io.github.zegoaiagent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON body of one request, from the command line the way {@code gh api} takes it: a JSON
 * object as an argument, {@code @file} or {@code @-} (standard input), then {@code -F KEY=VALUE}
 * fields (typed: {@code true}, {@code false}, {@code null}, numbers, and JSON objects or arrays
 * become JSON; anything else a string; {@code @file} reads the value from a file) and
 * {@code -f KEY=VALUE} (always a string). A dotted key sets a nested property:
 * {@code -F RTC.RoomId=room_1}. Where the action's request schema says a property is a string,
 * {@code -F} keeps its value a string ({@code -F AgentInstanceId=1912345678901234567} sends the
 * ID as the text it is). Without fields the text is sent exactly as given.
 */
final class RequestBody {
  /** Largest body read from a file or standard input (the mock takes 1 MiB by default). */
  static final int MAX_BYTES = 16 << 20;
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RequestBody() {
  }

  /**
   * @param source the argument ({@code {...}}, {@code @file}, {@code @-}) or null for {@code {}}
   * @param typed {@code -F} fields in order
   * @param raw {@code -f} fields in order
   * @param stdin standard input, for {@code @-}
   * @return the body bytes (UTF-8 JSON)
   * @throws UsageException naming what is wrong (a file, a JSON position, a field)
   */
  static byte[] build(String source, List<String> typed, List<String> raw, InputStream stdin) {
    return build(source, typed, raw, stdin, key -> false);
  }

  /**
   * @param source the argument ({@code {...}}, {@code @file}, {@code @-}) or null for {@code {}}
   * @param typed {@code -F} fields in order
   * @param raw {@code -f} fields in order
   * @param stdin standard input, for {@code @-}
   * @param isString whether the request schema says the property at a dotted key is a string
   * @return the body bytes (UTF-8 JSON)
   * @throws UsageException naming what is wrong (a file, a JSON position, a field)
   */
  static byte[] build(String source, List<String> typed, List<String> raw, InputStream stdin,
      java.util.function.Predicate<String> isString) {
    String text = source == null ? "{}" : read(source, stdin, "body");
    JsonNode parsed;
    try {
      parsed = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException("the body is not JSON (" + where(e) + "): " + Text.clip(e.getOriginalMessage()));
    }
    if (parsed == null || !parsed.isObject()) {
      throw new UsageException("the body must be a JSON object ({...}), not " + (parsed == null ? "nothing" : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (typed.isEmpty() && raw.isEmpty()) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode body = (ObjectNode) parsed;
    typed.forEach(f -> put(body, f, !isString.test(f.contains("=") ? f.substring(0, f.indexOf('=')) : f), stdin));
    raw.forEach(f -> put(body, f, false, stdin));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  private static void put(ObjectNode body, String field, boolean typed, InputStream stdin) {
    int eq = field.indexOf('=');
    if (eq <= 0) {
      throw new UsageException("field " + Text.clip(field) + " must be KEY=VALUE, e.g. -F AgentId=agent_1");
    }
    String key = field.substring(0, eq);
    String value = field.substring(eq + 1);
    JsonNode node = typed ? typedValue(key, value, stdin) : TextNode.valueOf(value);
    String[] path = key.split("\\.", -1);
    ObjectNode at = body;
    for (int i = 0; i < path.length - 1; i++) {
      if (path[i].isEmpty()) {
        throw new UsageException("field key " + Text.clip(key) + " has an empty part");
      }
      JsonNode next = at.get(path[i]);
      if (next == null || next.isNull()) {
        at = at.putObject(path[i]);
      } else if (next.isObject()) {
        at = (ObjectNode) next;
      } else {
        throw new UsageException("field " + Text.clip(key) + ": " + path[i] + " is already a "
            + next.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
      }
    }
    if (path[path.length - 1].isEmpty()) {
      throw new UsageException("field key " + Text.clip(key) + " has an empty part");
    }
    at.set(path[path.length - 1], node);
  }

  private static JsonNode typedValue(String key, String value, InputStream stdin) {
    switch (value) {
      case "true":
        return JSON.getNodeFactory().booleanNode(true);
      case "false":
        return JSON.getNodeFactory().booleanNode(false);
      case "null":
        return JSON.getNodeFactory().nullNode();
      default:
        break;
    }
    if (value.startsWith("@")) {
      return TextNode.valueOf(read(value, stdin, "field " + key));
    }
    if (NUMBER.matcher(value).matches() || value.startsWith("{") || value.startsWith("[")) {
      try {
        return JSON.readTree(value);
      } catch (JsonProcessingException e) {
        throw new UsageException("field " + Text.clip(key) + " is not valid JSON (" + where(e) + "): "
            + Text.clip(e.getOriginalMessage()) + "; use -f for a plain string");
      }
    }
    return TextNode.valueOf(value);
  }

  /** Reads {@code @-} or {@code @file} (bounded), or returns the text itself. */
  static String read(String source, InputStream stdin, String what) {
    if (!source.startsWith("@")) {
      return source;
    }
    String name = source.substring(1);
    try {
      byte[] bytes;
      if (name.equals("-")) {
        bytes = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path p = Path.of(name);
        if (Files.size(p) > MAX_BYTES) {
          throw new UsageException(what + ": " + name + " is larger than " + MAX_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(p);
      }
      if (bytes.length > MAX_BYTES) {
        throw new UsageException(what + ": standard input is longer than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(what + ": no file " + Text.clip(name) + " (a JSON body is given as {...}, @file or @- for standard input)");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new UsageException(what + ": cannot read " + Text.clip(name) + ": " + Text.clip(e.getMessage()));
    }
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null ? "position unknown"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
