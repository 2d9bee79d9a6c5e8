package io.github.zegoaiagent.mock.config;

import java.io.PrintStream;

/**
 * The console request log: one line per API request (time, Action, Code, milliseconds), never a
 * secret. Off when embedded, on in the standalone jar.
 *
 * @param log what is logged
 * @param out where the lines go
 */
public record LogSettings(Mode log, PrintStream out) {
  /** What the console log shows. */
  public enum Mode {
    /** Nothing. */
    NONE,
    /** One line per API request. */
    REQUESTS
  }

  /** The mode. */
  public static final Setting<Mode> LOG = Setting.<Mode>of("log",
          "requests: one line per API request (time, Action, Code, ms; never a secret); none: silent", Mode.class)
      .text("none|requests", Text.enumeration(Mode.class)).byDefault("none").standaloneDefault("requests")
      .check(Text.notNull()).build();
  /** The stream (Java only). */
  public static final Setting<PrintStream> OUT = Setting.<PrintStream>of("log-out",
          "Where the request log goes (Java only)", PrintStream.class)
      .byDefault("System.out", () -> System.out).check(Text.notNull()).build();

  /** The group. */
  public static final SettingGroup<LogSettings> GROUP = SettingGroup.of("log",
      v -> new LogSettings(v.get(LOG), v.get(OUT)), LOG, OUT);
}
