package io.github.zegoaiagent.mock.config;

import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import java.util.function.Consumer;

/**
 * Memory caps of the mock (not facts of the API): every store is bounded, in items and, where
 * the caller controls the size, in characters. Beyond a cap the mock refuses the request or
 * forgets the oldest entries (each setting says which). Over all of them, one memory budget
 * bounds what the stores keep together, so no combination of caps can fill the heap.
 *
 * @param maxAgents registered agents kept per App
 * @param maxAgentBytes stored agents per App, in characters of their JSON text
 * @param maxContextMessages context messages kept per instance
 * @param maxContextBytes context kept per instance, in characters of the messages' content
 * @param maxSpokenTexts spoken texts remembered per instance (oldest forgotten)
 * @param maxUsersPerInstance distinct walkie-talkie users tracked per instance
 * @param journalSize request journal entries kept (oldest forgotten)
 * @param journalBytes characters of query, body and message the journal keeps in all
 * @param recordedEventsSize callback events remembered for inspection
 * @param memoryBudget bytes of heap the mock's stores may keep in all (agents, instances, journal,
 *     callbacks, LLM streams, request bodies being read)
 */
public record CapSettings(int maxAgents, long maxAgentBytes, int maxContextMessages, long maxContextBytes,
    int maxSpokenTexts, int maxUsersPerInstance, int journalSize, long journalBytes, int recordedEventsSize,
    long memoryBudget) {
  /** Every item cap is bounded so a typo cannot make memory unbounded. */
  static final Consumer<Integer> CAP = Text.range(1, 1_000_000);
  private static final Consumer<Long> BYTES = Text.range(1L, 1L << 40);

  /** Agents per App. */
  public static final Setting<Integer> MAX_AGENTS = items("max-agents",
      "Agents kept per App; beyond, RegisterAgent is refused", "10000");
  /** Agent characters per App. */
  public static final Setting<Long> MAX_AGENT_BYTES = chars("max-agent-bytes",
      "Characters of stored agent JSON per App; beyond, RegisterAgent and UpdateAgent are refused",
      String.valueOf(32L << 20));
  /** Context messages per instance. */
  public static final Setting<Integer> MAX_CONTEXT_MESSAGES = items("max-context-messages",
      "Context messages kept per instance (oldest forgotten; AddAgentInstanceMsg beyond is refused)", "10000");
  /** Context characters per instance. */
  public static final Setting<Long> MAX_CONTEXT_BYTES = chars("max-context-bytes",
      "Characters of context per instance (oldest forgotten; AddAgentInstanceMsg beyond is refused)",
      String.valueOf(4L << 20));
  /** Spoken texts per instance. */
  public static final Setting<Integer> MAX_SPOKEN_TEXTS = items("max-spoken-texts",
      "Spoken texts remembered per instance (oldest forgotten)", "1000");
  /** Users per instance. */
  public static final Setting<Integer> MAX_USERS_PER_INSTANCE = items("max-users-per-instance",
      "Walkie-talkie users tracked per instance", "1000");
  /** Journal entries. */
  public static final Setting<Integer> JOURNAL_SIZE = items("journal-size",
      "Request journal entries kept (oldest forgotten)", "1000");
  /** Journal characters. */
  public static final Setting<Long> JOURNAL_BYTES = chars("journal-bytes",
      "Characters of query, body and message the journal keeps in all (oldest forgotten)", String.valueOf(8L << 20));
  /** Recorded callback events. */
  public static final Setting<Integer> RECORDED_EVENTS = items("recorded-events",
      "Callback events remembered for inspection (oldest forgotten)", "1000");

  /** The memory budget over every store. */
  public static final Setting<Long> MEMORY_BUDGET = Setting.<Long>of("memory-budget",
          "Bytes of heap the mock keeps for its callers in all (agents, instances, journal, callbacks, LLM streams,"
              + " request bodies); beyond, requests that would keep more get the documented codes and the oldest"
              + " journal entries and callbacks are forgotten",
          Long.class)
      .text("N", Text::longInteger)
      .byDefault("40% of the maximum heap (-Xmx)", () -> MemoryBudget.derived(Runtime.getRuntime().maxMemory()))
      .check(Text.range(1L << 20, 1L << 40)).build();

  /** The group. */
  public static final SettingGroup<CapSettings> GROUP = SettingGroup.of("caps",
      v -> new CapSettings(v.get(MAX_AGENTS), v.get(MAX_AGENT_BYTES), v.get(MAX_CONTEXT_MESSAGES),
          v.get(MAX_CONTEXT_BYTES), v.get(MAX_SPOKEN_TEXTS), v.get(MAX_USERS_PER_INSTANCE),
          v.get(JOURNAL_SIZE), v.get(JOURNAL_BYTES), v.get(RECORDED_EVENTS), v.get(MEMORY_BUDGET)),
      MAX_AGENTS, MAX_AGENT_BYTES, MAX_CONTEXT_MESSAGES, MAX_CONTEXT_BYTES, MAX_SPOKEN_TEXTS,
      MAX_USERS_PER_INSTANCE, JOURNAL_SIZE, JOURNAL_BYTES, RECORDED_EVENTS, MEMORY_BUDGET);

  private static Setting<Integer> items(String key, String description, String byDefault) {
    return Setting.<Integer>of(key, description, Integer.class).text("N", Text::integer)
        .byDefault(byDefault).check(CAP).build();
  }

  private static Setting<Long> chars(String key, String description, String byDefault) {
    return Setting.<Long>of(key, description, Long.class).text("N", Text::longInteger)
        .byDefault(byDefault).check(BYTES).build();
  }
}
