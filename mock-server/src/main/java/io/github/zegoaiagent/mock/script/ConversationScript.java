package io.github.zegoaiagent.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A declarative, timed script of what the user of one agent instance does: speak, leave, join.
 * Immutable; events are kept in time order (events at the same time in the order given).
 *
 * <pre>{@code
 * ConversationScript s = ConversationScript.builder()
 *     .speak(Duration.ZERO, "What's the weather?", Duration.ofMillis(800))
 *     .speak(Duration.ofSeconds(6), "And tomorrow?", Duration.ofMillis(600))
 *     .leave(Duration.ofSeconds(10))
 *     .endAt(Duration.ofSeconds(10 + 120))      // past MaxIdleTime: the instance is deleted
 *     .build();
 * }</pre>
 *
 * <p>The same script as JSON (YAML with the same keys works too; times in milliseconds):
 * <pre>{@code
 * {"events": [
 *    {"at": 0,     "type": "speak", "text": "What's the weather?", "durationMillis": 800},
 *    {"at": 6000,  "type": "speak", "text": "And tomorrow?", "durationMillis": 600},
 *    {"at": 10000, "type": "leave"}],
 *  "endAt": 130000}
 * }</pre>
 *
 * <p>Utterances must not overlap (a user speaks one turn at a time).
 *
 * @param events the events, in time order
 * @param endAt how long the script runs (at least until its last event is over)
 */
public record ConversationScript(List<ScriptEvent> events, Duration endAt) {
  /** Most events one script may hold (the mock keeps them in memory per instance). */
  public static final int MAX_EVENTS = 10_000;
  /** Latest {@link #endAt()}: 366 days (the control document's bound of {@code endAt}). */
  public static final Duration LATEST_END = Duration.ofDays(366);
  private static final Set<String> FIELDS = Set.of("at", "type", "text", "durationMillis", "userId");

  /** Sorts, checks and copies. */
  public ConversationScript {
    List<ScriptEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(ScriptEvent::at)); // stable: same time keeps given order
    if (sorted.size() > MAX_EVENTS) {
      throw new IllegalArgumentException("events: at most " + MAX_EVENTS + " per script");
    }
    Duration speakingUntil = Duration.ZERO;
    Duration last = Duration.ZERO;
    for (ScriptEvent e : sorted) {
      if (e.type() == ScriptEvent.Type.SPEAK) {
        if (e.at().compareTo(speakingUntil) < 0) {
          throw new IllegalArgumentException("speak event at " + e.at().toMillis()
              + " ms overlaps the utterance before it (ends at " + speakingUntil.toMillis() + " ms)");
        }
        speakingUntil = e.end();
      }
      if (e.end().compareTo(last) > 0) {
        last = e.end();
      }
    }
    if (endAt == null || endAt.compareTo(last) < 0) {
      endAt = last;
    }
    if (endAt.compareTo(LATEST_END) > 0) {
      throw new IllegalArgumentException("endAt: at most 366 days (" + endAt.toMillis() + " ms)");
    }
    events = List.copyOf(sorted);
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param text a script in JSON or YAML (see the class comment)
   * @return the script
   * @throws IllegalArgumentException naming the bad event and field
   */
  public static ConversationScript parse(String text) {
    String t = text.strip();
    ObjectMapper m = t.startsWith("{") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    try {
      return fromTree(m.readTree(t));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // readTree(String) reads no stream: parsing is the only thing that can fail.
      throw new IllegalArgumentException("script is neither valid JSON nor YAML: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param file a JSON or YAML script file (UTF-8)
   * @return the script
   */
  public static ConversationScript read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + file, e);
    }
  }

  /**
   * @param root the parsed script document
   * @return the script
   * @throws IllegalArgumentException naming the bad event and field
   */
  public static ConversationScript fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("script: must be an object with \"events\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("events") && !f.equals("endAt")) {
        throw new IllegalArgumentException("script: unknown field \"" + f + "\" (known: events, endAt)");
      }
    }
    JsonNode list = root.get("events");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("events: required list");
    }
    if (list.size() > MAX_EVENTS) {
      throw new IllegalArgumentException("events: at most " + MAX_EVENTS + " per script");
    }
    Builder b = builder();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String where = "events[" + i + "]";
      if (!e.isObject()) {
        throw new IllegalArgumentException(where + ": must be an object");
      }
      for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw new IllegalArgumentException(where + ": unknown field \"" + f + "\" (known: " + new java.util.TreeSet<>(FIELDS) + ")");
        }
      }
      Duration at = Duration.ofMillis(millis(e.get("at"), where + ".at", true));
      String type = e.path("type").asText("");
      try {
        switch (type) {
          case "speak" -> b.speak(at, text(e.get("text"), where + ".text"),
              Duration.ofMillis(millis(e.get("durationMillis"), where + ".durationMillis", true)),
              e.hasNonNull("userId") ? text(e.get("userId"), where + ".userId") : null);
          case "leave" -> b.add(new ScriptEvent(at, ScriptEvent.Type.LEAVE, null, Duration.ZERO, null));
          case "join" -> b.add(new ScriptEvent(at, ScriptEvent.Type.JOIN, null, Duration.ZERO, null));
          default -> throw new IllegalArgumentException("type: one of speak, leave, join (got \"" + type + "\")");
        }
      } catch (IllegalArgumentException ex) {
        throw ex.getMessage().startsWith("events[") ? ex : new IllegalArgumentException(where + ": " + ex.getMessage());
      }
    }
    if (root.has("endAt")) {
      b.endAt(Duration.ofMillis(millis(root.get("endAt"), "endAt", true)));
    }
    return b.build();
  }

  private static long millis(JsonNode n, String where, boolean required) {
    if (n == null || n.isNull()) {
      if (required) {
        throw new IllegalArgumentException(where + ": required integer (milliseconds)");
      }
      return 0;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.longValue() < 0
        || n.longValue() > LATEST_END.toMillis()) {
      throw new IllegalArgumentException(where + ": must be an integer from 0 to " + LATEST_END.toMillis()
          + " (milliseconds), got " + clip(n.toString()));
    }
    return n.longValue();
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static String text(JsonNode n, String where) {
    if (n == null || !n.isTextual() || n.textValue().isBlank()) {
      throw new IllegalArgumentException(where + ": required non-empty string");
    }
    return n.textValue();
  }

  /** Builds a {@link ConversationScript}; times are offsets from when the script is loaded. */
  public static final class Builder {
    private final List<ScriptEvent> events = new ArrayList<>();
    private Duration endAt;

    private Builder() {
    }

    /**
     * The instance's user speaks.
     *
     * @param at when speech begins
     * @param text what the user says (the ASR result and the LLM's user turn)
     * @param duration how long it lasts
     * @return this
     */
    public Builder speak(Duration at, String text, Duration duration) {
      return speak(at, text, duration, null);
    }

    /**
     * A given user speaks.
     *
     * @param at when speech begins
     * @param text what the user says
     * @param duration how long it lasts
     * @param userId the speaking user, or null for the instance's UserId
     * @return this
     */
    public Builder speak(Duration at, String text, Duration duration, String userId) {
      return add(new ScriptEvent(at, ScriptEvent.Type.SPEAK, text, duration, userId));
    }

    /** @param at when the user leaves the room @return this */
    public Builder leave(Duration at) {
      return add(new ScriptEvent(at, ScriptEvent.Type.LEAVE, null, Duration.ZERO, null));
    }

    /** @param at when the user joins the room again @return this */
    public Builder join(Duration at) {
      return add(new ScriptEvent(at, ScriptEvent.Type.JOIN, null, Duration.ZERO, null));
    }

    /** @param event any event @return this */
    public Builder add(ScriptEvent event) {
      events.add(java.util.Objects.requireNonNull(event, "event"));
      return this;
    }

    /**
     * @param end how long the script runs (for example past MaxIdleTime after a leave); never
     *     earlier than its last event's end
     * @return this
     */
    public Builder endAt(Duration end) {
      this.endAt = end;
      return this;
    }

    /** @return the script */
    public ConversationScript build() {
      return new ConversationScript(events, endAt);
    }
  }
}
