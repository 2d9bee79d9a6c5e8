package io.github.zegoaiagent.mock.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One setting of the mock, declared once on its group record: its key (which names the CLI flag
 * {@code --key} and the environment variable {@code ZEGO_MOCK_KEY}), its default, its check and
 * how it is read from text. {@code MockServerConfig.Builder}, the standalone command line, its
 * {@code --help} and the module README's settings table all come from these declarations.
 *
 * <p>Immutable. Build one with {@link #of(String, String, Class)}.
 *
 * @param <T> the Java type of the value
 */
public final class Setting<T> {
  /** Lower-case words joined by hyphens (compiled once: ~45 declarations are made at start-up). */
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String key;
  private final Class<?> type;
  private final String label;
  private final String description;
  private final String defaultText;
  private final Supplier<T> defaultValue;
  private final String standaloneDefault;
  private final Function<String, T> parser;
  private final Consumer<T> check;
  private final boolean secret;
  private final boolean repeatable;

  private Setting(Builder<T> b) {
    this.key = b.key;
    this.type = b.type;
    this.label = b.label;
    this.description = b.description;
    this.defaultText = b.defaultText;
    this.defaultValue = b.defaultValue;
    this.standaloneDefault = b.standaloneDefault;
    this.parser = b.parser;
    this.check = b.check;
    this.secret = b.secret;
    this.repeatable = b.repeatable;
  }

  /**
   * @param key lower-case words joined by hyphens, e.g. {@code qps-limit}
   * @param description one sentence for {@code --help} and the README
   * @param type the value's class (for reading it back generically)
   * @param <T> the value type
   * @return a builder of the declaration
   */
  public static <T> Builder<T> of(String key, String description, Class<? super T> type) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("setting key must be lower-case words joined by '-': " + key);
    }
    return new Builder<>(key, description, type);
  }

  /** @return e.g. {@code qps-limit} */
  public String key() {
    return key;
  }

  /** @return e.g. {@code --qps-limit} */
  public String flag() {
    return "--" + key;
  }

  /** @return e.g. {@code ZEGO_MOCK_QPS_LIMIT} */
  public String env() {
    return "ZEGO_MOCK_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** @return the value's class */
  public Class<?> type() {
    return type;
  }

  /** @return the placeholder of the value in help texts, e.g. {@code N}; empty for a switch */
  public String label() {
    return label;
  }

  /** @return what the setting does */
  public String description() {
    return description;
  }

  /** @return the default as the README and {@code --help} show it */
  public String defaultText() {
    return defaultText;
  }

  /**
   * @return the default the standalone jar uses instead of {@link #defaultText()} (e.g. port
   *     8080 instead of any free port), as text in the flag's syntax; null when the same
   */
  public String standaloneDefault() {
    return standaloneDefault;
  }

  /** @return whether the value is a credential (never printed, masked in {@code toString()}) */
  public boolean secret() {
    return secret;
  }

  /** @return whether the flag may be repeated (the variable then takes a comma-separated list) */
  public boolean repeatable() {
    return repeatable;
  }

  /** @return whether the value can be given as text (flag and variable); false: Java only */
  public boolean hasText() {
    return parser != null;
  }

  /** @return whether the flag is a switch ({@code --strict} alone means true) */
  public boolean isSwitch() {
    return type == Boolean.class && label.isEmpty();
  }

  /** @return the default value (may read the packaged contract, once per JVM) */
  public T defaultValue() {
    return defaultValue.get();
  }

  /**
   * Reads the value from text, strictly: what the syntax does not allow is refused.
   *
   * @param text the value as given
   * @param source where it came from, for the message (a flag or a variable name)
   * @return the checked value
   * @throws IllegalArgumentException naming {@code source}, the value and what is expected
   */
  public T parse(String text, String source) {
    if (parser == null) {
      throw new IllegalArgumentException(source + ": " + key + " can only be set in Java");
    }
    T v;
    try {
      v = parser.apply(text == null ? "" : text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage()
          + ": " + (secret ? "***" : "'" + text + "'"), e);
    }
    return check(v, source);
  }

  /**
   * @param value a value
   * @return it, checked
   * @throws IllegalArgumentException when out of range
   */
  public T check(T value) {
    return check(value, null);
  }

  /** @return the key in Java style, e.g. {@code qpsLimit} (named in refusals of Java values) */
  public String javaName() {
    StringBuilder b = new StringBuilder();
    for (String w : key.split("-")) {
      b.append(b.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return b.toString();
  }

  /** @param source what the value came from, or null for a Java value (then named by {@link #javaName()}) */
  private T check(T value, String source) {
    try {
      check.accept(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((source == null ? javaName() : source) + ": " + e.getMessage(), e);
    }
    return value;
  }

  @Override
  public String toString() {
    return "Setting[" + key + "]";
  }

  /**
   * Builder of a {@link Setting} declaration.
   *
   * @param <T> the value type
   */
  public static final class Builder<T> {
    private final String key;
    private final String description;
    private final Class<?> type;
    private String label = "VALUE";
    private String defaultText = "none";
    private Supplier<T> defaultValue = () -> null;
    private String standaloneDefault;
    private Function<String, T> parser;
    private Consumer<T> check = v -> { };
    private boolean secret;
    private boolean repeatable;

    private Builder(String key, String description, Class<?> type) {
      this.key = key;
      this.description = Objects.requireNonNull(description);
      this.type = type;
    }

    /**
     * @param text the default as documented (README, {@code --help})
     * @param value computes it (called when a configuration is built without this setting)
     * @return this
     */
    public Builder<T> byDefault(String text, Supplier<T> value) {
      this.defaultText = text;
      this.defaultValue = value;
      return this;
    }

    /**
     * The default is the text given, read by the parser: what the README says is what runs.
     *
     * @param text default in the flag's syntax
     * @return this
     */
    public Builder<T> byDefault(String text) {
      Function<String, T> p = Objects.requireNonNull(parser, "text(...) before byDefault(text)");
      return byDefault(text, () -> p.apply(text));
    }

    /** @param text the standalone jar's default, in the flag's syntax @return this */
    public Builder<T> standaloneDefault(String text) {
      this.standaloneDefault = text;
      return this;
    }

    /**
     * @param label placeholder in help texts ({@code ""} makes a Boolean setting a switch)
     * @param parser reads the value; throws IllegalArgumentException saying what it expects
     * @return this
     */
    public Builder<T> text(String label, Function<String, T> parser) {
      this.label = label;
      this.parser = parser;
      return this;
    }

    /** @param check throws IllegalArgumentException when a value is out of range @return this */
    public Builder<T> check(Consumer<T> check) {
      this.check = check;
      return this;
    }

    /** @return this, marked as a credential */
    public Builder<T> secret() {
      this.secret = true;
      return this;
    }

    /** @return this, marked repeatable (a list value) */
    public Builder<T> repeatable() {
      this.repeatable = true;
      return this;
    }

    /** @return the declaration */
    public Setting<T> build() {
      return new Setting<>(this);
    }
  }
}
