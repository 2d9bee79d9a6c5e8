package io.github.zegoaiagent.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of test inputs (HttpFuzzTest): each call draws one value from the given
 * {@link Random}, so a case is reproduced by its seed. Sizes and integers are uniform in their
 * closed ranges.
 */
@FunctionalInterface
interface Gen<T> {
  T next(Random r);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return r -> f.apply(next(r));
  }

  /** Lists of {@code min..max} values. */
  default Gen<List<T>> list(int min, int max) {
    return r -> {
      int n = r.nextInt(min, max + 1);
      List<T> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(next(r));
      }
      return values;
    };
  }

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    List<T> list = new java.util.ArrayList<>(values.length);
    for (T v : values) {
      list.add(v);
    }
    return of(List.copyOf(list));
  }

  static <T> Gen<T> of(List<T> values) {
    return r -> values.get(r.nextInt(values.size()));
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return r -> gens[r.nextInt(gens.length)].next(r);
  }

  /** {@code a} with weight {@code wa}, {@code b} with weight {@code wb}. */
  static <T> Gen<T> weighted(int wa, Gen<? extends T> a, int wb, Gen<? extends T> b) {
    return r -> r.nextInt(wa + wb) < wa ? a.next(r) : b.next(r);
  }

  static Gen<Integer> ints(int min, int max) {
    return r -> r.nextInt(min, max + 1);
  }

  /**
   * Strings of up to {@code maxLength} UTF-16 units, each any of the 65,536 (control characters
   * and lone surrogates included).
   */
  static Gen<String> strings(int maxLength) {
    return stringsFrom(r -> (char) r.nextInt(0x10000), 0, maxLength);
  }

  /** Strings of {@code min..max} characters taken from {@code chars}. */
  static Gen<String> stringsOf(String chars, int min, int max) {
    return stringsFrom(r -> chars.charAt(r.nextInt(chars.length())), min, max);
  }

  private static Gen<String> stringsFrom(Gen<Character> chars, int min, int max) {
    return r -> {
      int n = r.nextInt(min, max + 1);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(chars.next(r).charValue());
      }
      return s.toString();
    };
  }
}
