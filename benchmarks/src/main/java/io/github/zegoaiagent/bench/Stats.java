package io.github.zegoaiagent.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Medians and compact lists for the RESULT lines. */
final class Stats {

  private Stats() { }

  static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String list(List<Double> values) {
    return values.stream().map(v -> String.format("%.1f", v)).collect(Collectors.joining(","));
  }
}
