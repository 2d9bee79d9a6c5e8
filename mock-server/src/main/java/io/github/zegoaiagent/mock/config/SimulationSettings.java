package io.github.zegoaiagent.mock.config;

import io.github.zegoaiagent.mock.values.SimulatedLlm;
import io.github.zegoaiagent.mock.values.MockClock;
import java.time.Duration;

/**
 * The simulated world: the clock, the LLM and the voice.
 *
 * @param clock the simulation clock
 * @param llmReply how the simulated LLM answers
 * @param llmThinkTime how long the simulated LLM thinks before speaking
 * @param speechPerCharacter speaking time per character of text
 * @param userUtterance what the simulated user says in a walkie-talkie turn (unless set per instance)
 * @param addAnswerToHistoryDefault default of AddAnswerToHistory, or null for the contract's default
 * @param autoTick how often a running clock is checked for due transitions; zero = only on access
 */
public record SimulationSettings(MockClock clock, SimulatedLlm llmReply, Duration llmThinkTime,
    Duration speechPerCharacter, String userUtterance, Boolean addAnswerToHistoryDefault, Duration autoTick) {
  /** The clock. */
  public static final Setting<MockClock> CLOCK = Setting.<MockClock>of("clock",
          "system: follows the system clock; an instant (2026-01-01T00:00:00Z): fixed there, moved by POST /_mock/clock/advance",
          MockClock.class)
      .text("system|INSTANT", s -> s.equals("system") ? MockClock.system() : MockClock.fixed(Text.instant(s)))
      .byDefault("system").check(Text.notNull()).build();
  /** The LLM. */
  public static final Setting<SimulatedLlm> LLM_REPLY = Setting.<SimulatedLlm>of("llm-reply",
          "echo: answers \"You said: <question>\"; any other text: the answer to every question", SimulatedLlm.class)
      .text("echo|TEXT", s -> s.equals("echo") ? SimulatedLlm.echo() : SimulatedLlm.fixed(Text.nonEmpty(s)))
      .byDefault("echo").check(Text.notNull()).build();
  /** Thinking time. */
  public static final Setting<Duration> LLM_THINK_TIME = duration("llm-think-time",
      "How long the simulated LLM thinks before the agent speaks", "500ms");
  /** Speaking time per character. */
  public static final Setting<Duration> SPEECH_PER_CHARACTER = duration("speech-per-character",
      "Speaking time per character of text", "60ms");
  /** The user's utterance. */
  public static final Setting<String> USER_UTTERANCE = Setting.<String>of("user-utterance",
          "What the simulated user says in a walkie-talkie turn", String.class)
      .text("TEXT", Text::nonEmpty).byDefault("Hello").check(Text::nonEmpty).build();
  /** AddAnswerToHistory default. */
  public static final Setting<Boolean> ADD_ANSWER_TO_HISTORY = Setting.<Boolean>of("add-answer-to-history",
          "Default of AddAnswerToHistory; contract: the contract's default", Boolean.class)
      .text("true|false|contract", s -> s.equals("contract") ? null : Text.bool(s)).byDefault("contract").build();
  /** Auto-tick. */
  public static final Setting<Duration> AUTO_TICK = duration("auto-tick",
      "How often a running clock is checked for due transitions; 0 = only on access", "100ms");

  /** The group. */
  public static final SettingGroup<SimulationSettings> GROUP = SettingGroup.of("simulation",
      v -> new SimulationSettings(v.get(CLOCK), v.get(LLM_REPLY), v.get(LLM_THINK_TIME), v.get(SPEECH_PER_CHARACTER),
          v.get(USER_UTTERANCE), v.get(ADD_ANSWER_TO_HISTORY), v.get(AUTO_TICK)),
      CLOCK, LLM_REPLY, LLM_THINK_TIME, SPEECH_PER_CHARACTER, USER_UTTERANCE, ADD_ANSWER_TO_HISTORY, AUTO_TICK);

  private static Setting<Duration> duration(String key, String description, String byDefault) {
    return Setting.<Duration>of(key, description, Duration.class).text("DURATION", Text::duration)
        .byDefault(byDefault).check(Text.atLeast(Duration.ZERO)).build();
  }
}
