package io.github.zegoaiagent.mock.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers of setting values from text (flags, environment variables, documented
 * defaults) and range checks. A reader refuses what its syntax does not allow instead of
 * guessing: {@code 1} or {@code yes} is not a boolean here, {@code 10x} not a number.
 */
final class Text {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)?");

  private Text() {
  }

  static Integer integer(String s) {
    long n = longInteger(s);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not an integer (too large)");
    }
    return (int) n;
  }

  static Long longInteger(String s) {
    if (!INTEGER.matcher(s).matches()) {
      throw new IllegalArgumentException("not an integer");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer (too large)");
    }
  }

  /** Only {@code true} or {@code false} (any case). */
  static Boolean bool(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException("not a boolean (true or false)");
    }
  }

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; a plain number is seconds. */
  static Duration duration(String s) {
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration (e.g. 500ms, 5s, 2m; a plain number is seconds)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration (too large)");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        return Duration.ofMillis(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      default:
        return Duration.ofSeconds(n);
    }
  }

  /** Comma-separated; {@code none} is the empty list. */
  static <T> Function<String, List<T>> list(Function<String, T> item) {
    return s -> {
      List<T> out = new ArrayList<>();
      if (s.equals("none")) {
        return List.copyOf(out);
      }
      for (String part : s.split(",", -1)) {
        String p = part.trim();
        if (p.isEmpty()) {
          throw new IllegalArgumentException("empty item in a comma-separated list");
        }
        out.add(item.apply(p));
      }
      return List.copyOf(out);
    };
  }

  static String nonEmpty(String s) {
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return s;
  }

  /** An absolute http or https URL. */
  static URI httpUrl(String s) {
    URI u;
    try {
      u = new URI(s);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not an http(s) URL");
    }
    checkHttpUrl(u);
    return u;
  }

  static void checkHttpUrl(URI u) {
    if (u != null && (u.getScheme() == null || u.getHost() == null
        || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https")))) {
      throw new IllegalArgumentException("not an http(s) URL: " + u);
    }
  }

  /** A file path; {@code none} is not allowed (leave the setting out instead). */
  static java.nio.file.Path path(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("not a file path");
    }
    try {
      return java.nio.file.Path.of(s);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("not a file path");
    }
  }

  static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an instant (e.g. 2026-01-01T00:00:00Z)");
    }
  }

  static <E extends Enum<E>> Function<String, E> enumeration(Class<E> type) {
    return s -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(s)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException("not one of " + String.join(", ", names));
    };
  }

  static Consumer<Integer> range(int min, int max) {
    return n -> {
      if (n == null || n < min || n > max) {
        throw new IllegalArgumentException("must be in [" + min + ", " + max + "]: " + n);
      }
    };
  }

  static Consumer<Long> range(long min, long max) {
    return n -> {
      if (n == null || n < min || n > max) {
        throw new IllegalArgumentException("must be in [" + min + ", " + max + "]: " + n);
      }
    };
  }

  static Consumer<Duration> atLeast(Duration min) {
    return d -> {
      if (d == null || d.compareTo(min) < 0) {
        throw new IllegalArgumentException("must be at least " + min.toMillis() + " ms: " + d);
      }
    };
  }

  static <T> Consumer<T> notNull() {
    return v -> {
      if (v == null) {
        throw new IllegalArgumentException("must not be null");
      }
    };
  }
}
